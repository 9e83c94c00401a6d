/**
 * Tickets as a player buys them: lines validated and priced against the game version in force
 * (discounts, potential wins, the liability each line adds), number-picker tools (quick pick,
 * BBFS permutations) and deterministic ticket ids. Pure rules; the betting function stores them.
 */
package io.fairdraw.model.betting;
