package io.fairdraw.localcloud;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What CloudFront adds in front of the API in AWS: the viewer's country and region (from the
 * configured location here, as a laptop has no geolocation) and the origin secret the
 * authorizer checks. Whatever a client sends in these headers is replaced, as CloudFront does.
 * For trying geo-blocking, a request may name its location in {@code x-fairdraw-local-viewer}
 * ({@code US-CA}); that header exists on this machine only.
 */
record Edge(String country, String region, String originSecret) {
    static final String LOCAL_VIEWER = "x-fairdraw-local-viewer";
    static final String ORIGIN_SECRET = "x-fairdraw-origin-secret";

    void apply(Map<String, String> headers) {
        String country = this.country;
        String region = this.region;
        Optional<String> asked = Optional.ofNullable(headers.remove(LOCAL_VIEWER));
        if (asked.isPresent()) {
            String[] parts = asked.get().trim().toUpperCase(Locale.ROOT).split("-", 2);
            country = parts[0];
            region = parts.length > 1 ? parts[1] : "-";
        }
        headers.keySet().removeIf(name -> name.startsWith("cloudfront-viewer-"));
        headers.put("cloudfront-viewer-country", country);
        // The edge function fills "-" when CloudFront knows no region (docs/compliance.md).
        headers.put("cloudfront-viewer-country-region", region == null || region.isBlank() ? "-" : region);
        headers.put(ORIGIN_SECRET, originSecret);
    }
}
