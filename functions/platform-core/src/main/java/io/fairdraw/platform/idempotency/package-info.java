/**
 * Idempotency-Key handling: keys scoped per caller and route, request bodies fingerprinted by
 * SHA-256 of their RFC 8785 canonical JSON, answers kept 24 hours in the idempotency table.
 */
package io.fairdraw.platform.idempotency;
