/**
 * Compliance configuration and enforcement shared by functions: the jurisdiction catalogue and
 * the guard pieces that deposits, bets and wins put into their own transactions.
 */
package io.fairdraw.platform.compliance;
