package io.fairdraw.registration;

import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.money.Money;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a player asks of their safety settings: limits to set (an empty amount removes one) and
 * the reminder settings, which replace the stored ones.
 */
public record SafetyRequest(Map<LimitKey, Optional<Money>> limits, Optional<Integer> realityCheckMinutes,
        Optional<Integer> sessionTimeLimitMinutes) {

    public SafetyRequest {
        limits = Map.copyOf(limits);
        Objects.requireNonNull(realityCheckMinutes, "realityCheckMinutes");
        Objects.requireNonNull(sessionTimeLimitMinutes, "sessionTimeLimitMinutes");
    }

    /** The request in words for the history: amounts in minor units, no personal data. */
    Map<String, String> describe() {
        Map<String, String> details = new HashMap<>();
        limits.forEach((key, amount) -> details.put(key.toString(),
                amount.map(m -> m.amountMinor() + " " + m.currency()).orElse("removed")));
        realityCheckMinutes.ifPresent(m -> details.put("realityCheckMinutes", Integer.toString(m)));
        sessionTimeLimitMinutes.ifPresent(m -> details.put("sessionTimeLimitMinutes", Integer.toString(m)));
        return details;
    }
}
