/** Loading the game catalogue: the sample shipped in platform, or the operator's own file. */
package io.fairdraw.platform.games;
