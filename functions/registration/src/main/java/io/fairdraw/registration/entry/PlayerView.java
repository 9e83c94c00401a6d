package io.fairdraw.registration.entry;

import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Subdivision;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A player as the player sees themselves. */
@Schema(name = "Player")
public record PlayerView(
        String playerId,
        String displayName,
        LocalDate dateOfBirth,
        String country,
        String subdivision,
        PlayerStatus status,
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
                ContactPreferencesBody.of(player.contactPreferences()),
                player.registeredAt(),
                player.updatedAt());
    }
}
