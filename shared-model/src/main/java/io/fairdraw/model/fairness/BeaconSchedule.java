package io.fairdraw.model.fairness;

/** SPEC §5: the first drand round produced strictly after a draw's cut-off plus its seal window. */
public final class BeaconSchedule {
    private BeaconSchedule() {
    }

    public static long roundAfter(long unixSeconds, long genesisSeconds, long periodSeconds) {
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("a period is positive");
        }
        if (unixSeconds < genesisSeconds) {
            return 1;
        }
        return Math.floorDiv(unixSeconds - genesisSeconds, periodSeconds) + 2;
    }

    /** The unix time at which a round is produced. */
    public static long timeOf(long round, long genesisSeconds, long periodSeconds) {
        return genesisSeconds + (round - 1) * periodSeconds;
    }
}
