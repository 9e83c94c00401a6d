package io.fairdraw.model.compliance;

import io.fairdraw.model.player.Player;

/** The compliance view of a player. */
public final class Standings {
    private Standings() {
    }

    public static Standing of(Player player) {
        return new Standing(player.status(), player.kyc(), player.dateOfBirth(), player.residence(),
                player.timedOutUntil(), player.excludedUntil());
    }
}
