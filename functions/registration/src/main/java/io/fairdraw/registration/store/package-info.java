/**
 * The DynamoDB adapter of the players table. {@code PlayerMapper} is the only place its
 * attribute names appear; every write is conditional.
 */
package io.fairdraw.registration.store;
