package io.fairdraw.model.compliance;

import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Residence;
import io.fairdraw.model.player.Subdivision;
import java.time.Instant;
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
        return AgeRule.of(here, home).check(standing.dateOfBirth(), now);
    }

    /**
     * May someone register as a resident of {@code residence}: the country must be one the
     * catalogue serves, the subdivision not a blocked one, and the person already of the home
     * jurisdiction's minimum age on its calendar. Refusing here, at once, is kinder than
     * accepting a registration that could never deposit or play.
     */
    public static Decision toRegister(JurisdictionCatalogue catalogue, Residence residence, DateOfBirth dateOfBirth, Instant now) {
        Optional<Jurisdiction> home = catalogue.of(residence.country());
        if (home.isEmpty()) {
            return Decision.deny(ReasonCode.LOCATION_BLOCKED, "play is not offered to residents of " + residence.country());
        }
        Optional<Subdivision> blocked = residence.subdivision().filter(home.get().blockedSubdivisions()::contains);
        if (blocked.isPresent()) {
            return Decision.deny(ReasonCode.LOCATION_BLOCKED, "play is not offered to residents of " + blocked.get());
        }
        return AgeRule.of(home.get()).check(dateOfBirth, now);
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
