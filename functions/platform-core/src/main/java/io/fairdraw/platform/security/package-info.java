/**
 * Who may call, as plain rules: the roles ({@link io.fairdraw.platform.security.Role}), which pool's
 * tokens are accepted and what each pool's token may be ({@link io.fairdraw.platform.security.TokenRules},
 * {@link io.fairdraw.platform.security.IdentitySettings}), and the {@link io.fairdraw.platform.security.Caller}
 * a function acts for. The HTTP functions apply them through quarkus-oidc (platform-web's
 * {@code web.security}); the gateway authorizer applies them to the token it verifies itself.
 */
package io.fairdraw.platform.security;
