package io.fairdraw.localcloud;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * What goes wrong on purpose, from a seed: DynamoDB calls failing before they apply, applying
 * and then losing their answer, or throttled ({@link DynamoProxy}); events delivered twice by
 * the bus, the queues and the scheduler; function processes killed mid-flight. Off until asked
 * for ({@code POST /chaos} on the control port); the same seed draws the same sequence of
 * decisions, though which request meets which decision depends on timing.
 */
final class Chaos {
    /** How faults are dealt, once switched on. */
    record Settings(long seed, double writeFaultRate, double duplicateRate, int killEverySeconds) {
        Settings {
            if (writeFaultRate < 0 || writeFaultRate > 0.5 || duplicateRate < 0 || duplicateRate > 0.5 || killEverySeconds < 0) {
                throw new IllegalArgumentException("rates are 0..0.5 and killEverySeconds is 0 (never) or more");
            }
        }
    }

    /** What a DynamoDB call meets. */
    enum Fault {
        NONE, FAIL_BEFORE, FAIL_AFTER, THROTTLE
    }

    private volatile Settings settings;
    private SplittableRandom random;
    private long faultsBefore;
    private long faultsAfter;
    private long throttles;
    private long duplicates;
    private long kills;

    synchronized void start(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    synchronized void stop() {
        this.settings = null;
    }

    boolean on() {
        return settings != null;
    }

    /** The fault a write call (anything that changes items) meets; reads are never failed. */
    synchronized Fault writeFault() {
        Settings current = settings;
        if (current == null || random.nextDouble() >= current.writeFaultRate()) {
            return Fault.NONE;
        }
        Fault fault = Fault.values()[1 + random.nextInt(3)];
        switch (fault) {
            case FAIL_BEFORE -> faultsBefore++;
            case FAIL_AFTER -> faultsAfter++;
            case THROTTLE -> throttles++;
            default -> {
            }
        }
        return fault;
    }

    /** Whether this delivery should happen twice. */
    synchronized boolean duplicate() {
        Settings current = settings;
        if (current == null || random.nextDouble() >= current.duplicateRate()) {
            return false;
        }
        duplicates++;
        return true;
    }

    /** Seconds until the next kill, or 0 for none. */
    synchronized int nextKillInSeconds() {
        Settings current = settings;
        if (current == null || current.killEverySeconds() == 0) {
            return 0;
        }
        return 1 + random.nextInt(2 * current.killEverySeconds());
    }

    synchronized <T> T pick(java.util.List<T> choices) {
        kills++;
        return choices.get(random.nextInt(choices.size()));
    }

    synchronized Map<String, Object> status() {
        Settings current = settings;
        return Map.of("on", current != null, "settings", current == null ? Map.of() : Map.of("seed", current.seed(),
                "writeFaultRate", current.writeFaultRate(), "duplicateRate", current.duplicateRate(), "killEverySeconds", current.killEverySeconds()),
                "dealt", Map.of("failedBeforeApplying", faultsBefore, "failedAfterApplying", faultsAfter, "throttled", throttles,
                        "duplicated", duplicates, "killed", kills));
    }
}
