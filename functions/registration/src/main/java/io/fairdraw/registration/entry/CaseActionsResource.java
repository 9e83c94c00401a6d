package io.fairdraw.registration.entry;

import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.model.validation.Validation;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.platform.web.RequestStamps;
import io.fairdraw.registration.StandingService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Operators' case actions on a player's standing, here because registration owns the players
 * table and its rules: suspend and reinstate an account, decide an identity check the provider
 * referred. Each records the operator, the reason and the request in the player's history and on
 * the item (the audit trail). Operators only; a player cannot reach these, and an operator
 * reaches no player route.
 */
// Rooted at /v1/players like the other resources: JAX-RS picks one root class per request.
@Path("/v1/players")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CaseActionsResource {
    @Inject
    StandingService service;

    @Inject
    RequestStamps request;

    /** Why the operator acts: the case's reason, kept in the player's history. */
    @RegisterForReflection
    @Schema(name = "CaseActionRequest")
    record CaseActionBody(@Schema(required = true, maxLength = 500) String reason) {
        String required() {
            return Checks.text(reason, "reason", 500);
        }
    }

    /** An operator's decision on a referred identity check. */
    @RegisterForReflection
    @Schema(name = "IdentityDecisionRequest")
    record IdentityDecisionBody(@Schema(required = true, enumeration = {"APPROVE", "REJECT"}) String outcome,
            @Schema(required = true, maxLength = 500) String reason) {
    }

    @POST
    @Path("/{playerId}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Suspend an account under investigation (never replaces a self-exclusion)")
    @APIResponse(responseCode = "409", description = "Already suspended, self-excluded or closed (STANDING_CONFLICT, ACCOUNT_CLOSED_FOR_CHANGES)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlayerView suspend(@PathParam("playerId") String playerId, CaseActionBody body) {
        return PlayerView.of(existing(() -> service.suspend(new PlayerId(playerId), Bodies.required(body).required(), request.stamp())));
    }

    @POST
    @Path("/{playerId}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Lift a suspension; the account is verified again if its identity check was approved")
    @APIResponse(responseCode = "409", description = "Not suspended (STANDING_CONFLICT)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlayerView reinstate(@PathParam("playerId") String playerId, CaseActionBody body) {
        return PlayerView.of(existing(() -> service.reinstate(new PlayerId(playerId), Bodies.required(body).required(), request.stamp())));
    }

    @POST
    @Path("/{playerId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Close an account for the operator's reason; its balance is then returned with the back office's balance return")
    @APIResponse(responseCode = "409", description = "Already closed (ACCOUNT_CLOSED_FOR_CHANGES)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlayerView close(@PathParam("playerId") String playerId, CaseActionBody body) {
        return PlayerView.of(existing(() -> service.closeByOperator(new PlayerId(playerId), Bodies.required(body).required(),
                request.stamp())));
    }

    @POST
    @Path("/{playerId}/identity-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Approve or reject an identity check the provider referred for review")
    @APIResponse(responseCode = "409", description = "No check waits for review (KYC_ALREADY_DECIDED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlayerView decideIdentity(@PathParam("playerId") String playerId, IdentityDecisionBody body) {
        IdentityDecisionBody decision = Bodies.required(body);
        Validation validation = new Validation();
        KycOutcome outcome = validation.field("outcome", () -> outcome(decision.outcome()));
        String reason = validation.field("reason", () -> Checks.text(decision.reason(), "reason", 500));
        validation.throwIfInvalid();
        return PlayerView.of(existing(() -> service.resolveReferral(new PlayerId(playerId), outcome, reason, request.stamp())));
    }

    /** An unknown player is a plain 404 to an operator (players are told to register instead). */
    private static io.fairdraw.model.player.Player existing(java.util.function.Supplier<io.fairdraw.model.player.Player> action) {
        try {
            return action.get();
        } catch (io.fairdraw.model.error.DomainException e) {
            if (e.type() == io.fairdraw.model.error.ErrorType.PLAYER_NOT_REGISTERED) {
                throw new io.fairdraw.model.error.DomainException(io.fairdraw.model.error.ErrorType.NOT_FOUND, "no such player");
            }
            throw e;
        }
    }

    private static KycOutcome outcome(String value) {
        if ("APPROVE".equals(value) || "REJECT".equals(value)) {
            return KycOutcome.valueOf(value);
        }
        throw io.fairdraw.model.error.ValidationException.of("outcome", "is APPROVE or REJECT");
    }
}
