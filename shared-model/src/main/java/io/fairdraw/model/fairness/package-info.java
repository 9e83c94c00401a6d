/**
 * The fairness scheme of docs/fairness/SPEC.md, version 1: commitment, ticket leaves, the
 * RFC 6962 Merkle tree and its proofs, the sealed header, the beacon round, the outcome stream,
 * unbiased sampling and the draws. Byte-exact and dependency-free, so an independent verifier
 * can reproduce every value from the published record.
 */
package io.fairdraw.model.fairness;
