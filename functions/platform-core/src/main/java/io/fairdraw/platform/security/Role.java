package io.fairdraw.platform.security;

/**
 * The roles a token can carry, by the group names the identity provider puts in the role claim.
 * Each route names the roles it admits; there is no implicit hierarchy (an operator is not a
 * player and cannot buy tickets).
 */
public enum Role {
    PLAYER("player"),
    OPERATOR("operator"),
    AUDITOR("auditor");

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String PLAYER = "player";
        public static final String OPERATOR = "operator";
        public static final String AUDITOR = "auditor";

        private Names() {
        }
    }

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }
}
