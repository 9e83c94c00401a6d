package io.fairdraw.model.compliance;

import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.Subdivision;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request comes from, as the edge saw it (CloudFront's viewer-country and
 * viewer-country-region headers). Either part may be unknown; an unknown country is never
 * treated as allowed.
 */
public record Location(Optional<CountryCode> country, Optional<Subdivision> subdivision) {
    private static final Pattern ASCII_COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9]{1,3}");

    public Location {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(subdivision, "subdivision");
        if (subdivision.isPresent() && (country.isEmpty() || !subdivision.get().country().equals(country.get()))) {
            throw new IllegalArgumentException("a subdivision needs its own country");
        }
    }

    public static final Location UNKNOWN = new Location(Optional.empty(), Optional.empty());

    /**
     * Reads the edge's headers leniently: a malformed or unassigned country makes the location
     * unknown (which is denied), never an exception. CloudFront sends the region without the
     * country prefix ("JK" for ID-JK).
     */
    public static Location fromEdgeHeaders(String countryHeader, String regionHeader) {
        if (countryHeader == null) {
            return UNKNOWN;
        }
        // ASCII only: case folding would make other letters codes ("ß" upper-cases to "SS").
        String countryText = countryHeader.trim();
        if (!ASCII_COUNTRY.matcher(countryText).matches()) {
            return UNKNOWN;
        }
        CountryCode country;
        try {
            country = new CountryCode(countryText.toUpperCase(Locale.ROOT));
        } catch (RuntimeException notACountry) {
            return UNKNOWN;
        }
        if (regionHeader == null || regionHeader.isBlank()) {
            return new Location(Optional.of(country), Optional.empty());
        }
        String region = regionHeader.trim();
        if (!REGION.matcher(region).matches()) {
            return new Location(Optional.of(country), Optional.empty());
        }
        return new Location(Optional.of(country), Optional.of(new Subdivision(country.value() + "-" + region.toUpperCase(Locale.ROOT))));
    }

    public boolean isKnown() {
        return country.isPresent();
    }
}
