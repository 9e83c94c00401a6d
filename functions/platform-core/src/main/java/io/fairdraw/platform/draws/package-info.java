/**
 * The draws and their sales gates: written by the draw function through {@link io.fairdraw.platform.draws.Draws},
 * read by betting (the draw read API, the gate condition of every ticket). {@code DrawItems} is the only
 * place their attribute names appear; every step's write is conditioned on the status it moves the draw from.
 */
package io.fairdraw.platform.draws;
