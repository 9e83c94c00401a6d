package io.fairdraw.registration.entry;

import io.fairdraw.platform.web.RequestStamps;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.registration.RegistrationResult;
import io.fairdraw.registration.RegistrationService;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.time.TimeSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A player's own registration and profile. The player is always the caller: no id in the path. */
@Path("/v1/players")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PlayersResource {
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    @Inject
    RegistrationService service;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestStamps request;

    @Inject
    TimeSource clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Register the caller as a player (idempotent per identity)")
    @APIResponse(responseCode = "201", description = "Registered; status PENDING_VERIFICATION",
            content = @Content(schema = @Schema(implementation = PlayerView.class)))
    @APIResponse(responseCode = "200", description = "This identity was already registered; the stored player, unchanged",
            content = @Content(schema = @Schema(implementation = PlayerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Registration is not open to this person: under the minimum age of the home "
            + "jurisdiction (BELOW_MINIMUM_AGE) or resident where play is not offered (RESIDENCE_NOT_SERVED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(RegistrationRequest body) {
        LocalDate latestDate = DateOfBirth.latestCalendarDate(clock.now());
        RegistrationResult result = service.register(caller.get().playerId(), Bodies.required(body).toRegistration(latestDate), request.stamp());
        PlayerView view = PlayerView.of(result.player());
        return switch (result) {
            case RegistrationResult.Registered registered ->
                    Response.created(URI.create("/v1/players/me")).entity(view).build();
            case RegistrationResult.AlreadyRegistered existing -> Response.ok(view).build();
        };
    }

    @GET
    @Path("/me")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "The caller's own player profile")
    @APIResponse(responseCode = "404", description = "Not registered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PlayerView me() {
        return PlayerView.of(service.find(caller.get().playerId()));
    }

    @PATCH
    @Path("/me")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Change the caller's display name or contact preferences")
    public PlayerView change(ProfilePatch body) {
        return PlayerView.of(service.change(caller.get().playerId(), Bodies.required(body).toChange(), request.stamp()));
    }
}
