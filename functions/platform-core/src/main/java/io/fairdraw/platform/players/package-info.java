/**
 * The players table as every function sees it: one mapper for the item, and the compliance
 * guard that other functions put into their own transactions. Only registration writes player
 * items; the others read them or condition-check them.
 */
package io.fairdraw.platform.players;
