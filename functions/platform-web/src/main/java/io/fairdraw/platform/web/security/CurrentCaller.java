package io.fairdraw.platform.web.security;

import io.fairdraw.platform.security.Caller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.model.id.PlayerId;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request. Request scoped on purpose: resources are
 * singletons, and a caller captured once would serve every later request.
 */
@RequestScoped
public class CurrentCaller {
    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The authenticated caller; an anonymous request gets 401. */
    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        String issuer = token.getIssuer();
        String subject = token.getSubject();
        if (issuer == null || subject == null || issuer.isEmpty() || subject.isEmpty()) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claimValue())) {
                roles.add(role);
            }
        }
        return new Caller(PlayerId.derive(issuer, subject), issuer, subject, roles);
    }
}
