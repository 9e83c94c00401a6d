package io.fairdraw.model.draw;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A draw. Before sales it publishes its commitment and beacon; at the seal, the header; after the
 * draw, the seed, the beacon's signature and randomness, and the numbers. {@code sealDeadline} is
 * when the beacon round is produced: a draw not sealed by then is voided. {@code termsVersion} is
 * the game catalogue version in force when it opened: its tickets are priced and settled by it
 * (0 for a draw opened before versions were recorded: the deployed catalogue file).
 */
public record Draw(String id, String gameId, String currency, Instant drawTime, Instant cutOff, Instant sealDeadline,
        Beacon beacon, String commitment, DrawStatus status, Optional<Seal> seal, Optional<Outcome> outcome, int termsVersion) {

    /** A draw under the deployed catalogue file (terms version 0). */
    public Draw(String id, String gameId, String currency, Instant drawTime, Instant cutOff, Instant sealDeadline,
            Beacon beacon, String commitment, DrawStatus status, Optional<Seal> seal, Optional<Outcome> outcome) {
        this(id, gameId, currency, drawTime, cutOff, sealDeadline, beacon, commitment, status, seal, outcome, 0);
    }

    /** The published seal: leaf count, currency, total stake, Merkle root and the header's hash (hex). */
    public record Seal(long leafCount, long totalStakeMinor, String root, String headerHash) {
    }

    /** The published outcome: the revealed seed, the beacon round's signature and randomness, the numbers. */
    public record Outcome(String seed, String beaconSignature, String beaconPreviousSignature, String beaconRandomness,
            List<Integer> numbers) {
        public Outcome {
            numbers = List.copyOf(numbers);
        }
    }

    public Draw {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(drawTime, "drawTime");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(sealDeadline, "sealDeadline");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(outcome, "outcome");
        if (termsVersion < 0) {
            throw new IllegalArgumentException("a terms version is 0 or more");
        }
        if (!cutOff.isBefore(sealDeadline)) {
            throw new IllegalArgumentException("the seal deadline comes after the cut-off");
        }
    }
}
