package io.fairdraw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Roles come from the pool that issued the token, never from a group the players' pool could
 * hand out; anything but an access token of a trusted client with the pool's scope is refused.
 */
class TokenRulesTest {
    private static final String PLAYERS = "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_players";
    private static final String STAFF = "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_staff";

    private static final PoolSettings.Pool PLAYER_POOL = new PoolSettings.Pool(PLAYERS, List.of("web", "cli"), Optional.of("https://api.example.com/play"),
            Optional.empty());
    private static final PoolSettings.Pool STAFF_POOL = new PoolSettings.Pool(STAFF, List.of("back-office"), Optional.of("https://api.example.com/back-office"),
            Optional.empty());
    private static final TokenRules BOTH = new TokenRules(new PoolSettings(Optional.of(PLAYER_POOL), Optional.of(STAFF_POOL)));

    private static Map<String, Object> player() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("token_use", "access");
        claims.put("client_id", "web");
        claims.put("scope", "openid email https://api.example.com/play");
        return claims;
    }

    private static Map<String, Object> staff(List<String> groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("token_use", "access");
        claims.put("client_id", "back-office");
        claims.put("scope", "openid https://api.example.com/back-office");
        claims.put("cognito:groups", groups);
        return claims;
    }

    @Test
    void aPlayerWhoSignedUpIsAPlayerWithoutAnyGroup() {
        assertThat(BOTH.roles(PLAYERS, player()::get)).contains(Set.of(Role.PLAYER));
        Map<String, Object> fromTheCli = player();
        fromTheCli.put("client_id", "cli");
        assertThat(BOTH.roles(PLAYERS, fromTheCli::get)).contains(Set.of(Role.PLAYER));
    }

    @Test
    void anOperatorGroupInThePlayersPoolGrantsNothingMore() {
        Map<String, Object> claims = player();
        claims.put("cognito:groups", List.of("operator", "auditor"));
        assertThat(BOTH.roles(PLAYERS, claims::get)).contains(Set.of(Role.PLAYER));
    }

    @Test
    void staffRolesComeFromTheStaffPoolsGroupsAndNeverMakeAPlayer() {
        assertThat(BOTH.roles(STAFF, staff(List.of("operator"))::get)).contains(Set.of(Role.OPERATOR));
        assertThat(BOTH.roles(STAFF, staff(List.of("auditor", "operator"))::get)).contains(Set.of(Role.OPERATOR, Role.AUDITOR));
        assertThat(BOTH.roles(STAFF, staff(List.of("player"))::get)).contains(Set.of());
        assertThat(BOTH.roles(STAFF, staff(List.of())::get)).contains(Set.of());
    }

    @Test
    void anythingButAnAccessTokenOfATrustedClientWithThePoolsScopeIsRefused() {
        Map<String, Object> idToken = player();
        idToken.put("token_use", "id");
        Map<String, Object> noUse = player();
        noUse.remove("token_use");
        Map<String, Object> otherClient = player();
        otherClient.put("client_id", "someone-elses-app");
        Map<String, Object> audOnly = player();
        audOnly.remove("client_id");
        audOnly.put("aud", "web");
        Map<String, Object> noScope = player();
        noScope.put("scope", "openid email");
        Map<String, Object> scopeAsPrefix = player();
        scopeAsPrefix.put("scope", "openid https://api.example.com/play-more");
        Map<String, Object> staffClientAtPlayers = staff(List.of("operator"));
        for (Map<String, Object> claims : List.of(idToken, noUse, otherClient, audOnly, noScope, scopeAsPrefix, staffClientAtPlayers)) {
            assertThat(BOTH.roles(PLAYERS, claims::get)).as(claims.toString()).isEmpty();
        }
        // The players' client at the staff pool, and an issuer nobody configured.
        assertThat(BOTH.roles(STAFF, player()::get)).isEmpty();
        assertThat(BOTH.roles("https://attacker.example.com", player()::get)).isEmpty();
    }

    @Test
    void aFunctionThatTrustsOnePoolRefusesTheOther() {
        TokenRules backOffice = new TokenRules(new PoolSettings(Optional.empty(), Optional.of(STAFF_POOL)));
        assertThat(backOffice.roles(PLAYERS, player()::get)).isEmpty();
        assertThat(backOffice.roles(STAFF, staff(List.of("auditor"))::get)).contains(Set.of(Role.AUDITOR));
        TokenRules wallet = new TokenRules(new PoolSettings(Optional.of(PLAYER_POOL), Optional.empty()));
        assertThat(wallet.roles(STAFF, staff(List.of("operator"))::get)).isEmpty();
    }
}
