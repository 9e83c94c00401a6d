package io.fairdraw.registration.entry;

import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Subdivision;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A player as the player sees themselves; an absent time-out or exclusion end is omitted. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@Schema(name = "Player")
public record PlayerView(
        String playerId,
        String displayName,
        LocalDate dateOfBirth,
        String country,
        String subdivision,
        PlayerStatus status,
        KycState identityCheck,
        Instant timedOutUntil,
        Instant excludedUntil,
        ContactPreferencesBody contactPreferences,
        Instant registeredAt,
        Instant updatedAt) {

    static PlayerView of(Player player) {
        return new PlayerView(
                player.id().value(),
                player.displayName().value(),
                player.dateOfBirth().value(),
                player.residence().country().value(),
                player.residence().subdivision().map(Subdivision::value).orElse(null),
                player.status(),
                player.kyc(),
                player.timedOutUntil().orElse(null),
                player.excludedUntil().orElse(null),
                ContactPreferencesBody.of(player.contactPreferences()),
                player.registeredAt(),
                player.updatedAt());
    }
}
