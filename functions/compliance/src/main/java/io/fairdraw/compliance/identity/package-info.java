/**
 * Bearer-token verification without an HTTP stack: signature against the issuer's published
 * keys, issuer, expiry, subject, then the platform's TokenRules for client, scope, token use and
 * roles: the same rules the HTTP functions apply through quarkus-oidc and PoolRoles.
 * Anything doubtful is an invalid token; nothing here throws on bad input.
 */
package io.fairdraw.compliance.identity;
