/**
 * The draws and draw-gates tables (owned here) and the read of a draw's tickets for the seal.
 * {@code DrawItems} is the only place their attribute names appear; every step's write is
 * conditioned on the status it moves the draw from.
 */
package io.fairdraw.draw.store;
