package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * Reports of draws and days for operators and auditors: a draw's sales, refunds, winnings and GGR,
 * its exposures before the draw, its verification recomputed, and the totals per day.
 */
@Path("/v1/backoffice/reports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DrawReportsResource {
    @Inject
    Reporting reporting;

    @Inject
    Reports reports;

    @Inject
    DrawVerifications verifications;

    @GET
    @Path("/draws/{drawId}")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's tickets, sales, refunds, winnings paid and gross gaming revenue")
    public Reports.DrawReport drawReport(@PathParam("drawId") String drawId) {
        String id = Filters.id("drawId", drawId);
        return reporting.read(() -> reports.draw(id))
                .orElseThrow(() -> new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + id + " in the reporting store"));
    }

    @GET
    @Path("/draws/{drawId}/exposures")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's top exposures: selections by what they would pay out if they won, against their limits")
    public BackOfficeViews.ExposureList exposures(@PathParam("drawId") String drawId, @QueryParam("limit") String limit) {
        String id = Filters.id("drawId", drawId);
        int size = Filters.limit(limit, 20);
        List<Reports.Exposure> exposures = reporting.read(() -> reports.exposures(id, size));
        if (exposures.isEmpty() && reporting.read(() -> io.fairdraw.backoffice.store.DrawRow.findById(id)) == null) {
            throw new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + id + " in the reporting store");
        }
        return new BackOfficeViews.ExposureList(id, exposures);
    }

    @GET
    @Path("/draws/{drawId}/verification")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A draw's verification, recomputed: seal header, sealed stakes against the ledger, commitment, "
            + "beacon randomness and numbers")
    @APIResponse(responseCode = "404", description = "No such draw (DRAW_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DrawVerifications.Verification verification(@PathParam("drawId") String drawId) {
        return verifications.of(Filters.id("drawId", drawId));
    }

    @GET
    @Path("/days")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Deposits, withdrawals paid, stakes, refunds, winnings and GGR per UTC day and currency, at most 92 days")
    public BackOfficeViews.DaysView days(@QueryParam("from") String from, @QueryParam("to") String to) {
        Filters.DayRange range = Filters.days(from, to);
        return new BackOfficeViews.DaysView(range.from(), range.to(), reporting.read(() -> reports.days(range.from(), range.to())));
    }

}
