package io.fairdraw.model.betting;

/** A line as the player asked for it: a bet type, a selection as typed, a stake in minor units. */
public record RequestedLine(String betType, String selection, long stakeMinor) {
}
