package io.fairdraw.model.player;

import io.fairdraw.model.id.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered player. The identity fields (id, date of birth, residence) are fixed at
 * registration and changed only through KYC; the profile is the player's to change; the
 * standing (status, identity check, time-out, exclusion) changes only through the transitions
 * below, each of which can only make play safer except an approved identity check.
 * {@code version} increases with every change and guards concurrent updates.
 * {@code screeningFingerprint} is the keyed fingerprint of the legal name given for the identity
 * check (never the name itself), which sanctions screening compares again later.
 */
public record Player(
        PlayerId id,
        DisplayName displayName,
        DateOfBirth dateOfBirth,
        Residence residence,
        ContactPreferences contactPreferences,
        PlayerStatus status,
        KycState kyc,
        Optional<Instant> timedOutUntil,
        Optional<Instant> excludedUntil,
        Instant registeredAt,
        Instant updatedAt,
        long version,
        Optional<String> screeningFingerprint) {

    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(residence, "residence");
        Objects.requireNonNull(contactPreferences, "contactPreferences");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kyc, "kyc");
        Objects.requireNonNull(timedOutUntil, "timedOutUntil");
        Objects.requireNonNull(excludedUntil, "excludedUntil");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(screeningFingerprint, "screeningFingerprint");
        if (version < 1) {
            throw new IllegalArgumentException("a stored player has version 1 or more, not " + version);
        }
        if (updatedAt.isBefore(registeredAt)) {
            throw new IllegalArgumentException("a player cannot be updated before it registered");
        }
        if (status == PlayerStatus.VERIFIED && kyc != KycState.APPROVED) {
            throw new IllegalArgumentException("a verified player has an approved identity check");
        }
        if (excludedUntil.isPresent() && status != PlayerStatus.SELF_EXCLUDED && status != PlayerStatus.CLOSED) {
            throw new IllegalArgumentException("only an excluded (or since closed) player has an exclusion end");
        }
    }

    /** A new registration: pending verification, no identity check yet, version 1. */
    public static Player register(PlayerId id, Registration registration, Instant now) {
        return new Player(id, registration.displayName(), registration.dateOfBirth(), registration.residence(),
                registration.contactPreferences(), PlayerStatus.PENDING_VERIFICATION, KycState.NOT_STARTED,
                Optional.empty(), Optional.empty(), now, now, 1, Optional.empty());
    }

    /** This player with the profile change applied, one version later. */
    public Player apply(ProfileChange change, Instant now) {
        return new Player(id, change.displayName().orElse(displayName), dateOfBirth, residence,
                change.contactPreferences().orElse(contactPreferences), status, kyc, timedOutUntil, excludedUntil,
                registeredAt, later(now), version + 1, screeningFingerprint);
    }

    /** This player with a new standing (status, check, time-out, exclusion), one version later. */
    public Player withStanding(PlayerStatus newStatus, KycState newKyc, Optional<Instant> newTimedOutUntil,
            Optional<Instant> newExcludedUntil, Instant now) {
        return new Player(id, displayName, dateOfBirth, residence, contactPreferences, newStatus, newKyc,
                newTimedOutUntil, newExcludedUntil, registeredAt, later(now), version + 1, screeningFingerprint);
    }

    /** This same change of this player, carrying the fingerprint of the name its identity check gave. */
    public Player withScreeningFingerprint(String fingerprint) {
        return new Player(id, displayName, dateOfBirth, residence, contactPreferences, status, kyc, timedOutUntil, excludedUntil,
                registeredAt, updatedAt, version, Optional.of(fingerprint));
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }
}
