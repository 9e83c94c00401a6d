/**
 * The registration function: a caller with a player token registers once, reads and changes
 * their own profile. {@code entry} receives HTTP (through the Lambda adapter), the service holds
 * the use cases, {@code store} is the DynamoDB adapter of the players table.
 */
package io.fairdraw.registration;
