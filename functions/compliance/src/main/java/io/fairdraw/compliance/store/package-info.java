/**
 * The authorizer's read of the players table, which registration owns: one strongly consistent
 * read per decision, mapped by the platform's {@code PlayerItems}. Nothing here writes.
 */
package io.fairdraw.compliance.store;
