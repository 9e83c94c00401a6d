/**
 * Settlement of draws. A completed draw is planned once (sales to the house, lotto shares and
 * the jackpot) and settled in parts, one per ticket shard, each of which may run anywhere and
 * any number of times: every credit is a transfer with an id derived from its ticket, in one
 * transaction with the ticket's settlement marker, so a winner is paid once however often a part
 * runs. The last part to finish marks the draw SETTLED. A voided draw is refunded the same way.
 */
package io.fairdraw.payout;
