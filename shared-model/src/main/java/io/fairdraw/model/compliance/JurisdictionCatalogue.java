package io.fairdraw.model.compliance;

import io.fairdraw.model.player.CountryCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every territory the operator is licensed for, as one versioned document. A country that is
 * not listed is blocked: the default is no, never yes.
 */
public record JurisdictionCatalogue(int version, Map<CountryCode, Jurisdiction> jurisdictions) {
    public JurisdictionCatalogue {
        if (version < 1) {
            throw new IllegalArgumentException("a catalogue version is 1 or more");
        }
        jurisdictions = Map.copyOf(Objects.requireNonNull(jurisdictions, "jurisdictions"));
        jurisdictions.forEach((country, jurisdiction) -> {
            if (!jurisdiction.country().equals(country)) {
                throw new IllegalArgumentException("jurisdiction " + jurisdiction.country() + " is filed under " + country);
            }
        });
    }

    public Optional<Jurisdiction> of(CountryCode country) {
        return Optional.ofNullable(jurisdictions.get(country));
    }

    /** May anyone play from here? Unknown is denied, unlisted countries and blocked subdivisions too. */
    public Decision location(Location location) {
        if (location.country().isEmpty()) {
            return Decision.deny(ReasonCode.LOCATION_UNKNOWN, "your location could not be determined");
        }
        Optional<Jurisdiction> jurisdiction = of(location.country().get());
        if (jurisdiction.isEmpty()) {
            return Decision.deny(ReasonCode.LOCATION_BLOCKED, "play is not offered in " + location.country().get());
        }
        if (location.subdivision().isPresent() && jurisdiction.get().blockedSubdivisions().contains(location.subdivision().get())) {
            return Decision.deny(ReasonCode.LOCATION_BLOCKED, "play is not offered in " + location.subdivision().get());
        }
        return Decision.ALLOW;
    }
}
