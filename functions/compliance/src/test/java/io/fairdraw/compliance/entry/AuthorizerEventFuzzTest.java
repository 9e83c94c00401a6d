package io.fairdraw.compliance.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.compliance.GatewayRequest;
import io.fairdraw.compliance.LocationSource;
import io.fairdraw.compliance.ViewerLocations;
import io.fairdraw.model.compliance.Location;
import java.util.Optional;

/**
 * Fuzz targets for what the authorizer reads of a request before it decides anything: the
 * gateway's event, its bearer credential and the viewer-location headers, and the configured
 * default location. An event is read or is malformed, a location is known or unknown; no input
 * makes either throw. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/compliance/entry/AuthorizerEventFuzzTestInputs.
 */
class AuthorizerEventFuzzTest {
    // The Lambda runtime reads events leniently: fields the class lacks are skipped.
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ViewerLocations EDGE_ONLY = ViewerLocations.withDefault(Optional.empty());
    private static final ViewerLocations LAPTOP = ViewerLocations.withDefault(Optional.of("ID-JK"));

    @FuzzTest(maxDuration = "110s")
    void anyAuthorizerEventIsReadOrMalformed(FuzzedDataProvider data) {
        boolean laptop = data.consumeBoolean();
        APIGatewayV2CustomAuthorizerEvent event;
        try {
            event = JSON.readValue(data.consumeRemainingAsString(), APIGatewayV2CustomAuthorizerEvent.class);
        } catch (JsonProcessingException notAnEvent) {
            return;
        }
        Optional<GatewayRequest> read = GatewayRequests.from(event);
        if (read.isEmpty()) {
            return;
        }
        GatewayRequest request = read.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        request.bearerToken().ifPresent(token -> {
            assertThat(token).isNotBlank().isEqualTo(token.trim());
            assertThat(event.getHeaders().values()).anySatisfy(value -> assertThat(value).containsIgnoringCase("bearer ").contains(token));
        });
        for (Optional<String> header : java.util.List.of(request.originSecret(), request.viewerCountry(), request.viewerRegion())) {
            header.ifPresent(value -> assertThat(value).isNotBlank().isEqualTo(value.trim()));
        }
        ViewerLocations.ViewerLocation where = (laptop ? LAPTOP : EDGE_ONLY).of(request.viewerCountry(), request.viewerRegion());
        assertThat(where.source()).isEqualTo(laptop && request.viewerCountry().isEmpty() ? LocationSource.DEFAULT : LocationSource.EDGE);
        requireCoherent(where.location());
    }

    @FuzzTest(maxDuration = "110s")
    void anyViewerHeadersAreAKnownPlaceOrUnknown(FuzzedDataProvider data) {
        String country = data.consumeBoolean() ? null : data.consumeString(8);
        String region = data.consumeBoolean() ? null : data.consumeString(8);
        Location location = Location.fromEdgeHeaders(country, region);
        requireCoherent(location);
        // The edge sends ISO codes in ASCII; no other text may be folded into one.
        location.country().ifPresent(c -> assertThat(country.trim()).matches("[A-Za-z]{2}").isEqualToIgnoringCase(c.value()));
        location.subdivision().ifPresent(s -> assertThat(region.trim()).matches("[A-Za-z0-9]{1,3}"));
    }

    @FuzzTest(maxDuration = "110s")
    void anyDefaultLocationIsAPlaceOrStopsTheStart(FuzzedDataProvider data) {
        String configured = data.consumeRemainingAsString();
        try {
            ViewerLocations locations = ViewerLocations.withDefault(Optional.of(configured));
            locations.fallback().ifPresent(location -> {
                requireCoherent(location);
                assertThat(location.isKnown()).isTrue();
            });
            assertThat(locations.fallback().isPresent()).isEqualTo(!configured.isBlank());
        } catch (IllegalStateException refused) {
            assertThat(refused).hasMessageContaining("fairdraw.edge.default-location");
        }
    }

    private static void requireCoherent(Location location) {
        location.country().ifPresent(c -> assertThat(c.value()).matches("[A-Z]{2}"));
        location.subdivision().ifPresent(s -> {
            assertThat(s.value()).matches("[A-Z]{2}-[A-Z0-9]{1,3}");
            assertThat(s.value()).startsWith(location.country().orElseThrow().value() + "-");
        });
        if (location.country().isEmpty()) {
            assertThat(location).isEqualTo(Location.UNKNOWN);
        }
    }
}
