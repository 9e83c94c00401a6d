package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.validation.Checks;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Suspicious-activity alerts and their cases: operators and auditors read them, operators take and
 * close cases.
 */
@Path("/v1/backoffice/alerts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AlertsResource {
    @Inject
    Reporting reporting;

    @Inject
    io.fairdraw.backoffice.store.Alerts alerts;

    @Inject
    AlertRules alertRules;

    @Inject
    AlertCases alertCases;

    @Inject
    RequestStamps stamps;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Suspicious-activity alerts arising in a range (at most 31 days): deposit velocity, withdrawal "
            + "without play, one instrument behind many accounts")
    public BackOfficeViews.AlertList alerts(@QueryParam("from") String from, @QueryParam("to") String to) {
        Filters.TimeRange range = Filters.range(from, to);
        List<io.fairdraw.backoffice.store.Alerts.Alert> found = reporting.read(() -> alerts.between(range.from(), range.to(), alertRules.rules()));
        var cases = alertCases.of(found.stream().map(io.fairdraw.backoffice.store.Alerts.Alert::id).toList());
        return new BackOfficeViews.AlertList(found.stream().map(a -> BackOfficeViews.AlertView.of(a, cases.get(a.id()))).toList());
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Take an alert's case (or take it over from another operator)")
    @APIResponse(responseCode = "409", description = "The case is closed (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.AlertCaseView assignAlert(@PathParam("id") String id) {
        return BackOfficeViews.AlertCaseView.of(alertCases.assign(Filters.id("id", id), stamps.stamp().actor(), stamps.stamp().requestId().value()));
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Close an alert's case: CLEARED (explained) or REPORTED (a suspicious-activity report was filed), with the reason")
    @APIResponse(responseCode = "409", description = "Already closed (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.AlertCaseView closeAlert(@PathParam("id") String id, BackOfficeViews.AlertClosureBody body) {
        BackOfficeViews.AlertClosureBody closure = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        io.fairdraw.backoffice.store.AlertCase.Outcome outcome = validation.field("outcome",
                () -> Filters.status(io.fairdraw.backoffice.store.AlertCase.Outcome.class, Checks.text(closure.outcome(), "outcome", 20), null));
        String note = validation.field("note", () -> Checks.text(closure.note(), "note", 500));
        validation.throwIfInvalid();
        return BackOfficeViews.AlertCaseView.of(alertCases.close(Filters.id("id", id), outcome, note, stamps.stamp().actor(), stamps.stamp().requestId().value()));
    }

}
