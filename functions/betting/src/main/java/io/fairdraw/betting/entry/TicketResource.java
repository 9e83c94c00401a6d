package io.fairdraw.betting.entry;

import io.fairdraw.betting.BettingViews;
import io.fairdraw.betting.Readings;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.PageSizes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Tickets: a player reads their own; an operator or auditor reads any. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TicketResource {
    @Inject
    Readings readings;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/tickets/{ticketId}")
    @RolesAllowed({Role.Names.PLAYER, Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A ticket's receipt and its draw; another player's ticket is not found")
    public BettingViews.TicketView ticket(@PathParam("ticketId") String ticketId) {
        return readings.ticketView(ticketId, caller.get());
    }

    @GET
    @Path("/players/me/tickets")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "The caller's tickets, newest first, a page at a time")
    public BettingViews.TicketPage mine(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String limit) {
        return readings.mine(caller.get(), Optional.ofNullable(cursor), PageSizes.parse(limit));
    }
}
