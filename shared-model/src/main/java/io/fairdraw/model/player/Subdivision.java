package io.fairdraw.model.player;

import io.fairdraw.model.error.ValidationException;
import java.util.regex.Pattern;

/**
 * An ISO 3166-2 subdivision code such as {@code ID-JK} or {@code US-NV}. The Java runtime ships no
 * list of subdivisions, so the format and the country prefix are checked here and the
 * jurisdiction rules decide which subdivisions are allowed.
 */
public record Subdivision(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    public Subdivision {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ValidationException.of("subdivision", "must be an ISO 3166-2 code such as ID-JK");
        }
    }

    public CountryCode country() {
        return new CountryCode(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
