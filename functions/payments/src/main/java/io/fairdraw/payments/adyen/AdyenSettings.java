package io.fairdraw.payments.adyen;

import com.adyen.enums.Environment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link AdyenConfig} checked: everything Adyen needs is there and well-formed, or start fails naming what is not. */
record AdyenSettings(String apiKey, String merchantAccount, Environment environment, Optional<String> liveUrlPrefix,
        String hmacKey, Optional<String> baseUrl) {
    private static final String PREFIX = "fairdraw.payments.adyen.";
    // Adyen shows a 256-bit key as 64 hex digits; anything shorter is a truncated copy.
    private static final Pattern HMAC_KEY = Pattern.compile("([0-9A-Fa-f]{2}){32,}");

    static AdyenSettings from(AdyenConfig config) {
        List<String> problems = new ArrayList<>();
        String apiKey = required(config.apiKey(), "api-key", problems);
        String merchantAccount = required(config.merchantAccount(), "merchant-account", problems);
        Environment environment = environment(config.environment(), problems);
        Optional<String> liveUrlPrefix = config.liveUrlPrefix().filter(prefix -> !prefix.isBlank());
        if (environment == Environment.LIVE && liveUrlPrefix.isEmpty()) {
            problems.add(PREFIX + "live-url-prefix is missing; LIVE endpoints are company-specific");
        }
        String hmacKey = required(config.hmacKey(), "hmac-key", problems);
        if (!hmacKey.isEmpty() && !HMAC_KEY.matcher(hmacKey).matches()) {
            problems.add(PREFIX + "hmac-key is not the 64 hex digits the Customer Area shows");
        }
        Optional<String> baseUrl = baseUrl(config.baseUrl(), environment, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Adyen is enabled but its configuration is incomplete: " + String.join("; ", problems));
        }
        return new AdyenSettings(apiKey, merchantAccount, environment, liveUrlPrefix, hmacKey, baseUrl);
    }

    private static String required(Optional<String> value, String name, List<String> problems) {
        if (value.filter(v -> !v.isBlank()).isEmpty()) {
            problems.add(PREFIX + name + " is missing");
            return "";
        }
        return value.orElseThrow().strip();
    }

    private static Environment environment(Optional<String> value, List<String> problems) {
        String name = value.map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse("");
        return switch (name) {
            case "TEST" -> Environment.TEST;
            case "LIVE" -> Environment.LIVE;
            default -> {
                problems.add(PREFIX + "environment must be TEST or LIVE");
                yield null;
            }
        };
    }

    /** The override would send the live API key wherever it points, so LIVE never takes one. */
    private static Optional<String> baseUrl(Optional<String> value, Environment environment, List<String> problems) {
        Optional<String> baseUrl = value.filter(v -> !v.isBlank()).map(v -> v.strip().replaceAll("/+$", ""));
        if (baseUrl.isEmpty()) {
            return baseUrl;
        }
        if (environment == Environment.LIVE) {
            problems.add(PREFIX + "base-url is for tests and is refused with LIVE");
        } else if (!isHttpUrl(baseUrl.get())) {
            problems.add(PREFIX + "base-url is not an absolute http(s) URL");
        }
        return baseUrl;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    @Override
    public String toString() {
        // Keeps the API key and HMAC key out of logs and exception messages.
        return "AdyenSettings[merchantAccount=" + merchantAccount + ", environment=" + environment + ", baseUrl=" + baseUrl + "]";
    }
}
