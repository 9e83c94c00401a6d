package io.fairdraw.model.compliance;

import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.PlayerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * May this player play from this location at this instant. The checks run in a fixed order so
 * the reason given is the most fundamental one: where they are, then the account's state, then
 * the identity check, then age. Limits are checked where money moves, not here.
 */
public final class Eligibility {
    private Eligibility() {
    }

    public static Decision toPlay(JurisdictionCatalogue catalogue, Standing standing, Location location, Instant now) {
        Decision where = catalogue.location(location);
        if (!where.allowed()) {
            return where;
        }
        Optional<Jurisdiction> home = catalogue.of(standing.residence().country());
        Jurisdiction here = catalogue.of(location.country().orElseThrow()).orElseThrow();
        Decision account = account(standing, now);
        if (!account.allowed()) {
            return account;
        }
        // The stricter minimum age of where they live and where they are, on the local calendar.
        int minimumAge = Math.max(here.minimumAge(), home.map(Jurisdiction::minimumAge).orElse(Jurisdiction.DEFAULT_MINIMUM_AGE));
        LocalDate today = LocalDate.ofInstant(now, here.timeZone());
        if (Age.yearsOn(standing.dateOfBirth(), today) < minimumAge) {
            return Decision.deny(ReasonCode.UNDERAGE, "play is open from the age of " + minimumAge);
        }
        return Decision.ALLOW;
    }

    /** The account's own state: closed, suspended, excluded, timed out, not verified. */
    public static Decision account(Standing standing, Instant now) {
        if (standing.status() == PlayerStatus.CLOSED) {
            return Decision.deny(ReasonCode.CLOSED, "the account is closed");
        }
        if (standing.status() == PlayerStatus.SUSPENDED) {
            return Decision.deny(ReasonCode.SUSPENDED, "the account is suspended; contact support");
        }
        if (standing.status() == PlayerStatus.SELF_EXCLUDED
                && standing.excludedUntil().map(now::isBefore).orElse(true)) {
            return Decision.deny(ReasonCode.SELF_EXCLUDED, standing.excludedUntil()
                    .map(until -> "self-excluded until " + until).orElse("self-excluded permanently"));
        }
        if (standing.timedOutUntil().filter(now::isBefore).isPresent()) {
            return Decision.deny(ReasonCode.TIMED_OUT, "on a time-out until " + standing.timedOutUntil().get());
        }
        if (standing.kyc() == KycState.REFERRED) {
            return Decision.deny(ReasonCode.KYC_REFERRED, "the identity check is being reviewed");
        }
        // Only an approved check verifies; an exclusion that has ended leaves the player verified.
        if (standing.kyc() != KycState.APPROVED) {
            return Decision.deny(ReasonCode.NOT_VERIFIED, "the identity check is not complete");
        }
        return Decision.ALLOW;
    }
}
