/**
 * HTTP entry of the wallet: the player's routes (bearer token, role player) and the providers'
 * webhook route (authenticated by the provider's signature, not a token).
 */
package io.fairdraw.wallet.entry;
