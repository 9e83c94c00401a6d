package io.fairdraw.backoffice.api;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.platform.config.ConfigKind;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.platform.web.RequestStamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Change control of the game and jurisdiction catalogues: versions proposed by one operator and
 * approved by another, each in force from its stated time.
 */
@Path("/v1/backoffice/config/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ChangeControlResource {
    @Inject
    ConfigChanges configChanges;

    @Inject
    RequestStamps stamps;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A catalogue under change control (games or jurisdictions): the version in force and every version proposed")
    public BackOfficeViews.ConfigOverview config(@PathParam("kind") String kind) {
        return BackOfficeViews.ConfigOverview.of(configChanges.overview(kind(kind)));
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "One catalogue version with its document, proposer, approver and reasons")
    public BackOfficeViews.ConfigVersionView configVersion(@PathParam("kind") String kind, @PathParam("version") String version) {
        return BackOfficeViews.ConfigVersionView.of(configChanges.find(kind(kind), version(version)), true);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Propose a new catalogue version, in force from a stated time once another operator approves it")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(responseCode = "422", description = "It would change the games offered, a currency, a schedule or a lotto range "
            + "(CONFIG_CHANGE_REFUSED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response proposeConfig(@PathParam("kind") String kind, BackOfficeViews.ConfigChangeBody body) {
        ConfigKind which = kind(kind);
        BackOfficeViews.ConfigChangeBody change = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        com.fasterxml.jackson.databind.JsonNode document = validation.field("document", () -> {
            if (change.document() == null || !change.document().isObject()) {
                throw io.fairdraw.model.error.ValidationException.of("document", "must be the catalogue as a JSON object");
            }
            return change.document();
        });
        Instant effectiveFrom = validation.field("effectiveFrom", () -> Filters.instant("effectiveFrom", change.effectiveFrom()));
        String reason = validation.field("reason", () -> Checks.text(change.reason(), "reason", 500));
        validation.throwIfInvalid();
        var proposed = configChanges.propose(which, document, effectiveFrom, reason, stamps.stamp());
        return Response.status(Response.Status.CREATED).entity(BackOfficeViews.ConfigVersionView.of(proposed, false)).build();
    }

    @POST
    @Path("/versions/{version}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Approve a catalogue version another operator proposed, before its effective time")
    @APIResponse(responseCode = "403", description = "The proposer cannot approve (FOUR_EYES_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already decided (ALREADY_DECIDED), or its effective time passed (EFFECTIVE_TIME_PASSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.ConfigVersionView approveConfig(@PathParam("kind") String kind, @PathParam("version") String version,
            BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.ConfigVersionView.of(configChanges.approve(kind(kind), version(version), note, stamps.stamp()), false);
    }

    @POST
    @Path("/versions/{version}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject (or, as its proposer, withdraw) a proposed catalogue version, with a reason")
    public BackOfficeViews.ConfigVersionView rejectConfig(@PathParam("kind") String kind, @PathParam("version") String version,
            BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.ConfigVersionView.of(configChanges.reject(kind(kind), version(version), note, stamps.stamp()), false);
    }

    private static ConfigKind kind(String kind) {
        return ConfigKind.of(kind == null ? "" : kind)
                .orElseThrow(() -> new io.fairdraw.model.error.DomainException(io.fairdraw.model.error.ErrorType.NOT_FOUND,
                        "no catalogue " + kind + "; games or jurisdictions"));
    }

    private static int version(String version) {
        try {
            int parsed = Integer.parseInt(version);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw io.fairdraw.model.error.ValidationException.of("version", "must be a whole number from 1");
    }
}
