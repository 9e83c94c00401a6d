/**
 * What every Fairdraw function shares: DynamoDB tables and transactions, problem+json errors,
 * the authenticated caller, idempotency and logging. It depends on the shared model and never on
 * a function; functions depend on it.
 */
package io.fairdraw.platform;
