/**
 * The withdrawals table, written by wallet (a withdrawal requested with its money moved to
 * pending) and payout (sent, held for review, paid or returned), both through {@code Withdrawals},
 * which makes every status move conditional on the status it leaves and moves the money of a
 * final state in the same transaction.
 */
package io.fairdraw.platform.withdrawals;
