package io.fairdraw.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.compliance.ViewerLocations.ViewerLocation;
import io.fairdraw.model.compliance.Location;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewerLocationsTest {

    @Test
    void withoutADefaultAMissingCountryIsUnknownAndFromTheEdge() {
        ViewerLocation where = ViewerLocations.withDefault(Optional.empty()).of(Optional.empty(), Optional.of("JK"));

        assertThat(where.location()).isEqualTo(Location.UNKNOWN);
        assertThat(where.source()).isEqualTo(LocationSource.EDGE);
    }

    @Test
    void theDefaultStandsInOnlyForAMissingCountryHeader() {
        ViewerLocations laptop = ViewerLocations.withDefault(Optional.of("ID-JK"));

        assertThat(laptop.of(Optional.empty(), Optional.empty()))
                .isEqualTo(new ViewerLocation(Location.fromEdgeHeaders("ID", "JK"), LocationSource.DEFAULT));
        assertThat(laptop.of(Optional.of("GB"), Optional.empty()))
                .isEqualTo(new ViewerLocation(Location.fromEdgeHeaders("GB", null), LocationSource.EDGE));
        // A header that is there but unreadable is not replaced: it is unknown, and refused.
        assertThat(laptop.of(Optional.of("not a country"), Optional.empty()).location()).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void aDefaultMayBeACountryAlone() {
        assertThat(ViewerLocations.withDefault(Optional.of("gb")).fallback()).contains(Location.fromEdgeHeaders("GB", null));
    }

    @Test
    void aDefaultThatIsNoRealPlaceStopsTheFunctionAtStart() {
        for (String wrong : new String[] {"Jakarta", "XX", "ID-", "ID-JAKARTA", "-JK"}) {
            assertThatThrownBy(() -> ViewerLocations.withDefault(Optional.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
