package io.fairdraw.model.compliance;

import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Residence;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What compliance needs to know of a player: status, identity check, time-out, exclusion, date
 * of birth and residence. A self-exclusion with no end is permanent.
 */
public record Standing(
        PlayerStatus status,
        KycState kyc,
        DateOfBirth dateOfBirth,
        Residence residence,
        Optional<Instant> timedOutUntil,
        Optional<Instant> excludedUntil) {

    public Standing {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kyc, "kyc");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(residence, "residence");
        Objects.requireNonNull(timedOutUntil, "timedOutUntil");
        Objects.requireNonNull(excludedUntil, "excludedUntil");
    }
}
