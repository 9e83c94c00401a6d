package io.fairdraw.model.compliance;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A player's responsible-gambling settings: their own limits per kind and window, and the
 * reality-check interval and session-time limit their clients enforce. {@code version} guards
 * concurrent changes and lets a money path condition on the settings it read.
 */
public record SafetySettings(
        Map<LimitKey, PlayerLimit> limits,
        Optional<Integer> realityCheckMinutes,
        Optional<Integer> sessionTimeLimitMinutes,
        long version) {

    public static final int MIN_REALITY_CHECK_MINUTES = 5;
    public static final int MAX_REALITY_CHECK_MINUTES = 240;
    public static final int MIN_SESSION_MINUTES = 15;
    public static final int MAX_SESSION_MINUTES = 24 * 60;

    public SafetySettings {
        limits = Map.copyOf(limits);
        limits.forEach((key, limit) -> {
            if (!limit.key().equals(key)) {
                throw new IllegalArgumentException("limit " + limit.key() + " is filed under " + key);
            }
        });
        Objects.requireNonNull(realityCheckMinutes, "realityCheckMinutes");
        Objects.requireNonNull(sessionTimeLimitMinutes, "sessionTimeLimitMinutes");
        realityCheckMinutes.ifPresent(m -> requireBetween("realityCheckMinutes", m, MIN_REALITY_CHECK_MINUTES, MAX_REALITY_CHECK_MINUTES));
        sessionTimeLimitMinutes.ifPresent(m -> requireBetween("sessionTimeLimitMinutes", m, MIN_SESSION_MINUTES, MAX_SESSION_MINUTES));
        if (version < 0) {
            throw new IllegalArgumentException("a version is 0 (never stored) or more");
        }
    }

    /** No limits of the player's own, no reminders: what a player has before choosing any. */
    public static SafetySettings none() {
        return new SafetySettings(Map.of(), Optional.empty(), Optional.empty(), 0);
    }

    public PlayerLimit limit(LimitKey key) {
        return limits.getOrDefault(key, PlayerLimit.none(key));
    }

    /**
     * These settings with the requested limits applied under the jurisdiction's rules (lower at
     * once, higher after the cool-off) and the reminder settings replaced, one version later.
     */
    public SafetySettings change(Map<LimitKey, Optional<Money>> requested, Optional<Integer> realityCheck,
            Optional<Integer> sessionTime, Jurisdiction jurisdiction, Instant now) {
        Map<LimitKey, PlayerLimit> changed = new HashMap<>(limits);
        requested.forEach((key, amount) -> {
            amount.filter(a -> !a.currency().equals(jurisdiction.currency())).ifPresent(a -> {
                throw ValidationException.of("limits", "limits in " + jurisdiction.country() + " are in " + jurisdiction.currency());
            });
            amount.filter(a -> !a.isPositive()).ifPresent(a -> {
                throw ValidationException.of("limits", "a limit is a positive amount; send null to remove it");
            });
            changed.put(key, limit(key).request(amount, now, jurisdiction.limitIncreaseCoolOff()));
        });
        return new SafetySettings(changed, realityCheck, sessionTime, version + 1);
    }

    /** Every slot, the player's limit and the one in force (the lowest applicable), for display. */
    public Map<LimitKey, PlayerLimit> allSlots() {
        Map<LimitKey, PlayerLimit> all = new java.util.LinkedHashMap<>();
        for (LimitKind kind : LimitKind.values()) {
            for (LimitWindow window : LimitWindow.values()) {
                LimitKey key = new LimitKey(kind, window);
                all.put(key, limit(key));
            }
        }
        return all;
    }

    private static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ValidationException.of(field, "must be between " + min + " and " + max + " minutes");
        }
    }
}
