/**
 * The drand adapter of the beacon port: League of Entropy rounds fetched from public HTTP relays
 * and checked before the draw uses them. Selected with {@code fairdraw.draw.beacon=drand}.
 */
package io.fairdraw.draw.beacon;
