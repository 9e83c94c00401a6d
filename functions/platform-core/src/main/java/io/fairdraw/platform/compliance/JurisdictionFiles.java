package io.fairdraw.platform.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.JurisdictionCatalogue;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.Subdivision;
import io.fairdraw.platform.json.JsonFiles;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the jurisdiction catalogue from JSON: the sample shipped on the classpath, or the
 * operator's own file. A malformed catalogue stops the function at start; it never falls back
 * to permitting play.
 */
public final class JurisdictionFiles {
    public static final String SAMPLE = "fairdraw-jurisdictions.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JurisdictionFiles() {
    }

    public static JurisdictionCatalogue sample() {
        return JsonFiles.resource(SAMPLE, JurisdictionFiles::parse);
    }

    public static JurisdictionCatalogue read(Path file) {
        return JsonFiles.file(file, "jurisdiction catalogue", JurisdictionFiles::parse);
    }

    public static JurisdictionCatalogue parse(JsonNode document) {
        Map<CountryCode, Jurisdiction> jurisdictions = new HashMap<>();
        for (JsonNode node : required(document, "jurisdictions")) {
            Jurisdiction jurisdiction = jurisdiction(node);
            if (jurisdictions.put(jurisdiction.country(), jurisdiction) != null) {
                throw new IllegalStateException("jurisdiction " + jurisdiction.country() + " is listed twice");
            }
        }
        return new JurisdictionCatalogue(wholeInt(document, "version"), jurisdictions);
    }

    private static Jurisdiction jurisdiction(JsonNode node) {
        CountryCode country = new CountryCode(required(node, "country").asText());
        CurrencyCode currency = CurrencyCode.of(required(node, "currency").asText());
        Set<Subdivision> blocked = new HashSet<>();
        required(node, "blockedSubdivisions").forEach(s -> blocked.add(new Subdivision(s.asText())));
        Map<LimitKey, Money> caps = new HashMap<>();
        for (JsonNode cap : required(node, "caps")) {
            LimitKey key = new LimitKey(LimitKind.valueOf(required(cap, "kind").asText()),
                    LimitWindow.valueOf(required(cap, "window").asText()));
            caps.put(key, new Money(whole(cap, "amountMinor"), currency));
        }
        try {
            return new Jurisdiction(country, wholeInt(node, "minimumAge"), ZoneId.of(required(node, "timeZone").asText()),
                    currency, blocked, Duration.ofHours(whole(node, "limitIncreaseCoolOffHours")), caps);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalStateException("jurisdiction " + country + " has no valid time zone or cool-off: " + e.getMessage(), e);
        }
    }

    private static int wholeInt(JsonNode node, String field) {
        long value = whole(node, field);
        if (value != (int) value) {
            throw new IllegalStateException("'" + field + "' in the jurisdiction catalogue is out of range: " + value);
        }
        return (int) value;
    }

    /** A JSON integer that fits a long: 18.5, "18" or 1e30 is refused, never cut to fit. */
    private static long whole(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalStateException("'" + field + "' in the jurisdiction catalogue is not a whole number: " + value);
        }
        return value.longValue();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("the jurisdiction catalogue lacks '" + field + "'");
        }
        return value;
    }
}
