package io.fairdraw.model.player;

import io.fairdraw.model.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/** Where a player lives: a country and, where the jurisdiction needs it, a subdivision of it. */
public record Residence(CountryCode country, Optional<Subdivision> subdivision) {
    public Residence {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(subdivision, "subdivision");
        if (subdivision.isPresent() && !subdivision.get().country().equals(country)) {
            throw ValidationException.of("subdivision", "must belong to the country of residence " + country);
        }
    }
}
