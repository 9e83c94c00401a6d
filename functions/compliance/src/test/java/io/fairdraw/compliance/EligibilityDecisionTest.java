package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static io.fairdraw.compliance.Authorizer.throughTheEdge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fairdraw.compliance.Authorizer.Answer;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.testsupport.AuthorizerEvents;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A verified caller at an allowed place always passes the gateway; whether they may play travels
 * in the context as ALLOW or DENY with the stable reason code, so the function behind the gateway
 * can answer 403 problem+json with it. Every reason a player's standing can give is covered.
 */
@QuarkusTest
class EligibilityDecisionTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Inject
    TestClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void aVerifiedAdultIsAuthorizedWithTheWholeContext() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.store(PlayerFixtures.verified(subject, "1990-05-17"));

        Answer answer = call(throughTheEdge(Tokens.player(subject), "ID", "JK"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.authorized()).isTrue();
        assertThat(answer.context()).containsOnly(
                entry("playerId", Tokens.playerIdOf(subject).value()),
                entry("roles", "player"),
                entry("country", "ID"),
                entry("subdivision", "ID-JK"),
                entry("locationSource", "edge"),
                entry("decision", "ALLOW"),
                entry("jurisdictionVersion", "1"));
    }

    @Test
    void aCountryWithoutARegionHeaderHasNoSubdivisionInTheContext() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.store(PlayerFixtures.verified(subject, "1990-05-17"));

        Answer answer = call(throughTheEdge(Tokens.player(subject), "GB", null));

        assertThat(answer.authorized()).isTrue();
        assertThat(answer.get("country")).isEqualTo("GB");
        assertThat(answer.context()).doesNotContainKey("subdivision");
        assertThat(answer.get("decision")).isEqualTo("ALLOW");
    }

    @Test
    void someoneWhoHasNotRegisteredPassesTheGatewaySoTheyCanRegister() {
        String subject = PlayerFixtures.newSubject();

        Answer answer = call(AuthorizerEvents.request("POST", "/v1/players").bearer(Tokens.player(subject))
                .originSecret(Authorizer.originSecret()).viewer("ID", "JK"));

        assertThat(answer.authorized()).isTrue();
        assertThat(answer.get("playerId")).isEqualTo(Tokens.playerIdOf(subject).value());
        assertThat(answer.get("decision")).isEqualTo("DENY");
        assertThat(answer.get("reasonCode")).isEqualTo("NOT_REGISTERED");
    }

    @Test
    void aPlayerAwaitingTheIdentityCheckIsNotVerified() {
        assertThat(reasonFor(PlayerFixtures.registered(PlayerFixtures.newSubject(), "1990-05-17"))).isEqualTo("NOT_VERIFIED");
    }

    @Test
    void aRejectedIdentityCheckIsNotVerified() {
        Player rejected = standing(PlayerStatus.PENDING_VERIFICATION, KycState.REJECTED, Optional.empty(), Optional.empty());
        assertThat(reasonFor(rejected)).isEqualTo("NOT_VERIFIED");
    }

    @Test
    void aReferredIdentityCheckIsUnderReview() {
        Player referred = standing(PlayerStatus.PENDING_VERIFICATION, KycState.REFERRED, Optional.empty(), Optional.empty());
        assertThat(reasonFor(referred)).isEqualTo("KYC_REFERRED");
    }

    @Test
    void aSelfExcludedPlayerIsRefusedUntilTheExclusionEnds() {
        Player excluded = standing(PlayerStatus.SELF_EXCLUDED, KycState.APPROVED, Optional.empty(),
                Optional.of(Instant.now().plus(Duration.ofDays(180))));
        assertThat(reasonFor(excluded)).isEqualTo("SELF_EXCLUDED");
    }

    @Test
    void aPermanentSelfExclusionIsRefused() {
        Player excluded = standing(PlayerStatus.SELF_EXCLUDED, KycState.APPROVED, Optional.empty(), Optional.empty());
        assertThat(reasonFor(excluded)).isEqualTo("SELF_EXCLUDED");
    }

    @Test
    void aPlayerOnATimeOutIsRefusedUntilItEnds() {
        Player timedOut = standing(PlayerStatus.VERIFIED, KycState.APPROVED,
                Optional.of(Instant.now().plus(Duration.ofDays(1))), Optional.empty());
        assertThat(reasonFor(timedOut)).isEqualTo("TIMED_OUT");
    }

    @Test
    void aTimeOutThatHasEndedNoLongerRefuses() {
        Player rested = standing(PlayerStatus.VERIFIED, KycState.APPROVED,
                Optional.of(Instant.now().minus(Duration.ofDays(1))), Optional.empty());
        Answer answer = call(throughTheEdge(Tokens.player(subjectOf(PlayerFixtures.store(rested))), "ID", "JK"));
        assertThat(answer.get("decision")).isEqualTo("ALLOW");
    }

    @Test
    void aSuspendedPlayerIsRefused() {
        assertThat(reasonFor(standing(PlayerStatus.SUSPENDED, KycState.APPROVED, Optional.empty(), Optional.empty())))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void aClosedAccountIsRefused() {
        assertThat(reasonFor(standing(PlayerStatus.CLOSED, KycState.APPROVED, Optional.empty(), Optional.empty())))
                .isEqualTo("CLOSED");
    }

    @Test
    void aSuspensionAppliesToTheVeryNextRequest() {
        String subject = PlayerFixtures.newSubject();
        Player verified = PlayerFixtures.store(PlayerFixtures.verified(subject, "1990-05-17"));
        assertThat(call(throughTheEdge(Tokens.player(subject), "ID", "JK")).get("decision")).isEqualTo("ALLOW");

        PlayerFixtures.store(verified.withStanding(PlayerStatus.SUSPENDED, KycState.APPROVED, Optional.empty(),
                Optional.empty(), Instant.now()));

        assertThat(call(throughTheEdge(Tokens.player(subject), "ID", "JK")).get("reasonCode")).isEqualTo("SUSPENDED");
    }

    @Test
    void aSeventeenYearOldIsUnderage() {
        String dateOfBirth = LocalDate.now(JAKARTA).minusYears(17).toString();
        assertThat(reasonFor(PlayerFixtures.verified(PlayerFixtures.newSubject(), dateOfBirth))).isEqualTo("UNDERAGE");
    }

    @Test
    void aLeapDayChildTurnsEighteenAtMidnightOfTheFirstOfMarchOnTheJakartaCalendar() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.store(PlayerFixtures.verified(subject, "2004-02-29"));

        clock.pin(LocalDate.of(2022, 2, 28).atTime(23, 59, 59).atZone(JAKARTA).toInstant());
        Answer lastSecondOfFebruary = call(throughTheEdge(Tokens.player(subject), "ID", "JK"));
        clock.pin(LocalDate.of(2022, 3, 1).atStartOfDay(JAKARTA).toInstant());
        Answer firstOfMarch = call(throughTheEdge(Tokens.player(subject), "ID", "JK"));

        assertThat(lastSecondOfFebruary.authorized()).isTrue();
        assertThat(lastSecondOfFebruary.get("reasonCode")).isEqualTo("UNDERAGE");
        // Midnight in Jakarta is still 28 February in UTC: the jurisdiction's calendar decides.
        assertThat(firstOfMarch.get("decision")).isEqualTo("ALLOW");
    }

    @Test
    void theStricterMinimumAgeOfWhereThePlayerIsApplies() {
        String subject = PlayerFixtures.newSubject();
        String nineteen = LocalDate.now(JAKARTA).minusYears(19).minusDays(10).toString();
        PlayerFixtures.store(PlayerFixtures.verified(subject, nineteen));

        assertThat(call(throughTheEdge(Tokens.player(subject), "ID", "JK")).get("decision")).isEqualTo("ALLOW");
        // Malaysia, in the sample catalogue, admits players from 21.
        assertThat(call(throughTheEdge(Tokens.player(subject), "MY", "14")).get("reasonCode")).isEqualTo("UNDERAGE");
    }

    @Test
    void anOperatorPassesWithItsRoleAndIsNoPlayer() {
        Answer answer = call(throughTheEdge(Tokens.operator(), "ID", "JK"));

        assertThat(answer.authorized()).isTrue();
        assertThat(answer.get("roles")).isEqualTo("operator");
        assertThat(answer.get("reasonCode")).isEqualTo("NOT_REGISTERED");
    }

    @Test
    void anOperatorGroupInThePlayersPoolMakesOnlyAPlayer() {
        Answer answer = call(throughTheEdge(Tokens.playerPoolOperator(), "ID", "JK"));

        assertThat(answer.get("roles")).isEqualTo("player");
    }

    @Test
    void anIdTokenOrOneWithoutTheApiScopeIsNoAccessToken() {
        for (String token : java.util.List.of(Tokens.idToken(), Tokens.withoutApiScope())) {
            assertThat(call(throughTheEdge(token, "ID", "JK")).authorized()).isFalse();
        }
    }

    private static Player standing(PlayerStatus status, KycState kyc, Optional<Instant> timedOutUntil,
            Optional<Instant> excludedUntil) {
        return PlayerFixtures.registered(PlayerFixtures.newSubject(), "1990-05-17")
                .withStanding(status, kyc, timedOutUntil, excludedUntil, PlayerFixtures.REGISTERED);
    }

    /** Stores the player, asks as them from Jakarta, and returns the reason code of a DENY that passed the gateway. */
    private static String reasonFor(Player player) {
        PlayerFixtures.store(player);
        Answer answer = call(throughTheEdge(Tokens.player(subjectOf(player)), "ID", "JK"));
        assertThat(answer.authorized()).as("a standing never stops the request at the gateway").isTrue();
        assertThat(answer.get("decision")).isEqualTo("DENY");
        return answer.get("reasonCode");
    }

    private static String subjectOf(Player player) {
        return PlayerFixtures.subjectOf(player.id());
    }
}
