/**
 * Ticket purchases and the reads around them. A purchase is one DynamoDB transaction: the
 * wallet's stake into the draw's virtual escrow, the ticket, its settlement lines, the draw's
 * gate shard, the liability budgets of its selections, the player's standing and net-loss
 * counters, and the remembered answer to its Idempotency-Key.
 */
package io.fairdraw.betting;
