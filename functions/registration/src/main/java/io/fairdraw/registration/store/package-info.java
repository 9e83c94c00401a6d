/**
 * The DynamoDB adapter of the players table, which registration owns. The item's attribute
 * names live in the platform's {@code PlayerItems}, shared with the readers; every write here
 * is conditional.
 */
package io.fairdraw.registration.store;
