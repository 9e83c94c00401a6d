package io.fairdraw.model.compliance;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.Subdivision;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one licensed territory (a country), as configuration: its minimum age, the
 * subdivisions where play is blocked, its time zone (for ages and limit windows), its currency,
 * the cool-off before a limit increase applies, and optional caps per limit and window that
 * apply even to a player who set none.
 */
public record Jurisdiction(
        CountryCode country,
        int minimumAge,
        ZoneId timeZone,
        CurrencyCode currency,
        Set<Subdivision> blockedSubdivisions,
        Duration limitIncreaseCoolOff,
        Map<LimitKey, Money> caps) {

    public static final int DEFAULT_MINIMUM_AGE = 18;
    public static final Duration DEFAULT_COOL_OFF = Duration.ofHours(24);

    public Jurisdiction {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(limitIncreaseCoolOff, "limitIncreaseCoolOff");
        if (minimumAge < 18 || minimumAge > 25) {
            throw new IllegalArgumentException("a minimum age is 18 to 25, not " + minimumAge);
        }
        if (limitIncreaseCoolOff.isNegative() || limitIncreaseCoolOff.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("a limit increase waits at least 24 hours");
        }
        blockedSubdivisions = Set.copyOf(blockedSubdivisions);
        for (Subdivision blocked : blockedSubdivisions) {
            if (!blocked.country().equals(country)) {
                throw new IllegalArgumentException(blocked + " is not a subdivision of " + country);
            }
        }
        caps = Map.copyOf(caps);
        caps.forEach((key, cap) -> {
            if (!cap.currency().equals(currency) || !cap.isPositive()) {
                throw new IllegalArgumentException("cap " + key + " must be a positive amount in " + currency);
            }
        });
    }

    public Optional<Money> cap(LimitKind kind, LimitWindow window) {
        return Optional.ofNullable(caps.get(new LimitKey(kind, window)));
    }
}
