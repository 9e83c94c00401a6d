package io.fairdraw.model.player;

import io.fairdraw.model.error.ValidationException;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, checked against the runtime's list of assigned codes. */
public record CountryCode(String value) {
    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ASSIGNED.contains(value)) {
            throw ValidationException.of("country", "must be an assigned ISO 3166-1 alpha-2 code in capitals, such as ID or GB");
        }
    }

    /** Whether {@code value} is a code this type accepts, for input that may be absent or foreign. */
    public static boolean isValid(String value) {
        return value != null && ASSIGNED.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
