/**
 * Bearer-token verification without an HTTP stack: signature against the issuer's published
 * keys, issuer, expiry, subject, then the audience and roles from the claims configuration
 * names, the same rules the HTTP functions apply through quarkus-oidc and AudienceCheck.
 * Anything doubtful is an invalid token; nothing here throws on bad input.
 */
package io.fairdraw.compliance.identity;
