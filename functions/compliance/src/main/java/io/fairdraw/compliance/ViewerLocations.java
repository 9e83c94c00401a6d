package io.fairdraw.compliance;

import io.fairdraw.model.compliance.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request comes from: the edge's viewer-country headers when the request has them, else
 * the configured default of a laptop, which says so ({@link LocationSource#DEFAULT}) so nobody
 * mistakes it for a real location. Without either, the location is unknown and refused.
 */
public final class ViewerLocations {
    private final Optional<Location> fallback;

    private ViewerLocations(Optional<Location> fallback) {
        this.fallback = fallback;
    }

    /** A default that is not a real country or subdivision stops the function at start. */
    public static ViewerLocations withDefault(Optional<String> defaultLocation) {
        return new ViewerLocations(defaultLocation.filter(s -> !s.isBlank()).map(ViewerLocations::parse));
    }

    public Optional<Location> fallback() {
        return fallback;
    }

    public ViewerLocation of(Optional<String> countryHeader, Optional<String> regionHeader) {
        if (countryHeader.isEmpty() && fallback.isPresent()) {
            return new ViewerLocation(fallback.get(), LocationSource.DEFAULT);
        }
        return new ViewerLocation(Location.fromEdgeHeaders(countryHeader.orElse(null), regionHeader.orElse(null)),
                LocationSource.EDGE);
    }

    private static Location parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        Location location = dash < 0
                ? Location.fromEdgeHeaders(trimmed, null)
                : Location.fromEdgeHeaders(trimmed.substring(0, dash), trimmed.substring(dash + 1));
        boolean complete = location.isKnown() && (dash < 0 || location.subdivision().isPresent());
        if (!complete) {
            throw new IllegalStateException("fairdraw.edge.default-location must be a country (ID) or a subdivision (ID-JK)");
        }
        return location;
    }

    /** A location and where it came from. */
    public record ViewerLocation(Location location, LocationSource source) {
        public ViewerLocation {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(source, "source");
        }
    }
}
