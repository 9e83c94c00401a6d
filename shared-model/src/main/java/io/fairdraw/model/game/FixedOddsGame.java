package io.fairdraw.model.game;

import io.fairdraw.model.money.CurrencyCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A 4D-family game in one version: its currency, schedule, bet types on offer and their terms, and the shio table. */
public record FixedOddsGame(String id, int version, String name, CurrencyCode currency, DrawSchedule schedule,
        Map<BetType, BetTerms> terms, ShioTable shio) implements Game {

    public FixedOddsGame {
        GameIds.require(id);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(shio, "shio");
        terms = Map.copyOf(terms);
        if (version < 1 || terms.isEmpty()) {
            throw new IllegalArgumentException("a game has a version and at least one bet type");
        }
    }

    public Optional<BetTerms> termsOf(BetType type) {
        return Optional.ofNullable(terms.get(type));
    }
}
