/**
 * The caller of an HTTP route as quarkus-oidc verified it: {@link io.fairdraw.platform.web.security.PoolRoles}
 * gives a token the roles its pool allows (the rules are the core's {@code TokenRules}, which the
 * authorizer applies too), and {@link io.fairdraw.platform.web.security.CurrentCaller} is the
 * authenticated player or staff member a resource acts for.
 */
package io.fairdraw.platform.web.security;
