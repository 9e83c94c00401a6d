package io.fairdraw.registration.entry;

import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.web.RequestStamps;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.registration.StandingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A player's own identity check, eligibility, limits, time-outs, self-exclusion, closure and
 * history. Protective requests are always accepted from the player; nothing here can shorten
 * an exclusion or raise a limit before its cool-off.
 */
// Rooted at /v1/players like PlayersResource: JAX-RS picks one root class per request and never
// backtracks, so a root of /v1/players/me would hide GET and PATCH /v1/players/me.
@Path("/v1/players")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SafetyResource {
    @Inject
    StandingService service;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestStamps request;

    @Inject
    LocationResolver where;

    @Inject
    TimeSource clock;

    @POST
    @Path("/me/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Submit the identity check (KYC); approve, reject or refer to an operator")
    public PlayerView verify(SafetyBodies.Verification body) {
        return PlayerView.of(service.verify(caller.get().playerId(), Bodies.required(body).toSubmission(DateOfBirth.latestCalendarDate(clock.now())), request.stamp()));
    }

    @GET
    @Path("/me/eligibility")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "May I play from here, now (and deposit or stake this much); if not, why")
    public SafetyBodies.EligibilityView eligibility(
            @Parameter(description = "an intended deposit, in minor units") @QueryParam("deposit") Long depositMinor,
            @Parameter(description = "an intended stake, in minor units") @QueryParam("stake") Long stakeMinor) {
        return SafetyBodies.EligibilityView.of(service.eligibility(caller.get().playerId(), where.location(),
                Optional.ofNullable(depositMinor), Optional.ofNullable(stakeMinor)));
    }

    @GET
    @Path("/me/limits")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Deposit and net-loss limits (own, in force, pending) and reminder settings")
    public SafetyBodies.SafetyView limits() {
        var id = caller.get().playerId();
        return SafetyBodies.SafetyView.of(service.safety(id), service.homeJurisdiction(id), clock.now());
    }

    @PUT
    @Path("/me/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Set limits (lower at once, higher after the cool-off) and reminder settings")
    public SafetyBodies.SafetyView changeLimits(SafetyBodies.SafetyBody body) {
        var id = caller.get().playerId();
        var jurisdiction = service.homeJurisdiction(id);
        var changed = service.changeSafety(id, Bodies.required(body).toRequest(jurisdiction), request.stamp());
        return SafetyBodies.SafetyView.of(changed, jurisdiction, clock.now());
    }

    @POST
    @Path("/me/time-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Take a time-out (24 hours, 7 or 30 days); it cannot be ended early")
    public PlayerView timeOut(SafetyBodies.TimeOutBody body) {
        return PlayerView.of(service.takeTimeOut(caller.get().playerId(), Bodies.required(body).required(), request.stamp()));
    }

    @POST
    @Path("/me/exclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Self-exclude (6 months, 1 or 5 years, permanently); never lifted early")
    public PlayerView exclude(SafetyBodies.ExclusionBody body) {
        return PlayerView.of(service.selfExclude(caller.get().playerId(), Bodies.required(body).required(), request.stamp()));
    }

    @POST
    @Path("/me/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Close the account; it stays readable and its balance can still be withdrawn")
    public PlayerView close(SafetyBodies.ClosureBody body) {
        Bodies.required(body).requireConfirmed();
        return PlayerView.of(service.close(caller.get().playerId(), request.stamp()));
    }

    @GET
    @Path("/me/history")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Every change of the caller's standing and safety settings, newest first")
    public List<SafetyBodies.EventView> history() {
        return service.history(caller.get().playerId()).stream().map(SafetyBodies.EventView::of).toList();
    }
}
