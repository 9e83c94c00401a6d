package io.fairdraw.betting.entry;

import io.fairdraw.betting.BettingViews;
import io.fairdraw.betting.Purchases;
import io.fairdraw.betting.Readings;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.GatewayRequests;
import io.fairdraw.platform.web.IdempotentRoutes;
import io.fairdraw.platform.web.PageSizes;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.platform.web.RequestStamps;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Draws as published for anyone to verify, ticket purchases into an open draw, and inclusion proofs. */
@Path("/v1/draws")
@Produces(MediaType.APPLICATION_JSON)
public class DrawResource {
    @Inject
    Readings readings;

    @Inject
    Purchases purchases;

    @Inject
    CurrentCaller caller;

    @Inject
    APIGatewayV2HTTPEvent event;

    @Inject
    RequestStamps stamps;

    @Inject
    IdempotentRoutes idempotent;

    /** Quick picks come from the platform's CSPRNG, created (and seeded) at run time. */
    private final SecureRandom random = new SecureRandom();

    @GET
    @PermitAll
    @Operation(summary = "A game's draws, latest first, optionally in one status")
    public BettingViews.DrawPage draws(@QueryParam("game") String game, @QueryParam("status") String status,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String limit) {
        return readings.draws(game, Optional.ofNullable(status).map(DrawResource::status), PageSizes.parse(limit));
    }

    @GET
    @Path("/{drawId}")
    @PermitAll
    @Operation(summary = "A draw as published: commitment and beacon round before; seal, seed, beacon and numbers after")
    public BettingViews.DrawView draw(@PathParam("drawId") String drawId) {
        return readings.draw(drawId);
    }

    @GET
    @Path("/{drawId}/proof/{ticketId}")
    @RolesAllowed({Role.Names.PLAYER, Role.Names.AUDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A ticket's inclusion proof in the sealed draw (the ticket's owner, or an auditor)")
    public BettingViews.ProofView proof(@PathParam("drawId") String drawId, @PathParam("ticketId") String ticketId) {
        return readings.proof(drawId, ticketId, caller.get());
    }

    @POST
    @Path("/{drawId}/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Buy a ticket: every line in one atomic, idempotent purchase")
    @APIResponse(responseCode = "201", description = "Bought; the receipt",
            content = @Content(schema = @Schema(implementation = BettingViews.TicketView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to play (reasonCode says why, e.g. UNDERAGE, SELF_EXCLUDED, LOSS_LIMIT_REACHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Sales closed (DRAW_NOT_OPEN) or a selection sold out (LIABILITY_LIMIT_REACHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Stake out of range, too many lines, insufficient funds, or a reused key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response buy(@PathParam("drawId") String drawId, @HeaderParam(IdempotentRoutes.KEY) String key, TicketBodies.TicketBody body) {
        IdempotencyKey idempotencyKey = new IdempotencyKey(key);
        TicketBodies.TicketBody ticket = Bodies.required(body);
        return IdempotentRoutes.respond(purchases.buy(caller.get().playerId(), idempotencyKey, idempotent.fingerprint(ticket) + "@" + drawId,
                drawId, ticket.drawCount(), game -> ticket.expand(game, random), GatewayRequests.authorizedCountry(event), stamps.stamp()));
    }

    private static DrawStatus status(String text) {
        try {
            // ASCII letters only: full-Unicode upper-casing turns "ſ" into "S".
            if (!text.matches("[A-Za-z]{1,16}")) {
                throw new IllegalArgumentException(text);
            }
            return DrawStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("status", "is one of " + java.util.Arrays.toString(DrawStatus.values()));
        }
    }
}
