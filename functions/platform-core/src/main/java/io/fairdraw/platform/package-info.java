/**
 * What every Fairdraw function shares, HTTP or not: DynamoDB tables and transactions, the ledger,
 * idempotency records, the catalogues in force, the compliance guard and the token rules. It
 * depends on the shared model and never on a function; the REST and OIDC plumbing of the HTTP
 * functions is the separate platform-web library, so a function without an HTTP server carries none of it.
 */
package io.fairdraw.platform;
