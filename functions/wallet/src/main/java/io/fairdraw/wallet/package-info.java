/**
 * The wallet function: balances and statements from the ledger, deposits started through a
 * payment provider and credited exactly once when its signed notification arrives, and
 * withdrawals moved to pending at once for the payout function to pay. {@code entry} receives
 * HTTP, the services hold the use cases, {@code store} owns the wallet's tables.
 */
package io.fairdraw.wallet;
