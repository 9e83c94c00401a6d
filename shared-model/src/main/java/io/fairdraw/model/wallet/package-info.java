/** Withdrawals and the instruments they go back to: shared by wallet, which takes them, and payout, which pays them. */
package io.fairdraw.model.wallet;
