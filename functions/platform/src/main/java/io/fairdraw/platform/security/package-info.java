/**
 * Who is calling. Tokens are verified by quarkus-oidc (signature, issuer, expiry), the audience
 * here, roles come from the configured claim; the {@link io.fairdraw.platform.security.Caller}
 * carries the stable player id that every function acts on.
 */
package io.fairdraw.platform.security;
