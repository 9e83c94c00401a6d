package io.fairdraw.betting.entry;

import io.fairdraw.betting.BettingViews;
import io.fairdraw.betting.Readings;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The games on offer and their terms; public. */
@Path("/v1/games")
@Produces(MediaType.APPLICATION_JSON)
public class GameResource {
    @Inject
    Readings readings;

    @GET
    @PermitAll
    @Operation(summary = "Every game on offer: schedule, bet types with multiplier, discount, stake bounds and liability limit; lotto tiers")
    public BettingViews.GameList games() {
        return readings.games();
    }
}
