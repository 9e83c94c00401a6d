package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The audit trail for operators and auditors: who changed what, when and from which request, as
 * pages and as CSV.
 */
@Path("/v1/backoffice/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditTrailResource {
    /** The most audit entries one CSV export holds; a larger range must be split. */
    static final int MAX_EXPORT_ROWS = 50_000;

    @Inject
    Reporting reporting;

    @Inject
    Reports reports;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The audit trail in time order: who changed what, when, from which request; by player, draw and time range")
    public BackOfficeViews.AuditPage audit(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("player") String player, @QueryParam("draw") String draw, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Reports.AuditFilter filter = Filters.audit(from, to, player, draw);
        Optional<Reports.AuditCursor> after = Filters.cursor(cursor);
        int size = Filters.limit(limit, 100);
        Reports.Page<io.fairdraw.backoffice.store.AuditEntry> page = reporting.read(() -> reports.audit(filter, after, size));
        return new BackOfficeViews.AuditPage(page.items().stream().map(BackOfficeViews.AuditView::of).toList(),
                page.next().map(Filters::cursor).orElse(null));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The audit trail of a range as CSV (at most 50,000 entries; split a larger range)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = "text/csv"))
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("player") String player,
            @QueryParam("draw") String draw) {
        Reports.AuditFilter filter = Filters.audit(from, to, player, draw);
        List<BackOfficeViews.AuditView> rows = new ArrayList<>();
        Optional<Reports.AuditCursor> after = Optional.empty();
        do {
            Optional<Reports.AuditCursor> current = after;
            Reports.Page<io.fairdraw.backoffice.store.AuditEntry> page = reporting.read(() -> reports.audit(filter, current, Reports.MAX_PAGE));
            page.items().forEach(e -> rows.add(BackOfficeViews.AuditView.of(e)));
            after = page.next();
            if (rows.size() > MAX_EXPORT_ROWS) {
                throw ValidationException.of("to", "the range holds more than " + MAX_EXPORT_ROWS + " entries; export it in parts");
            }
        } while (after.isPresent());
        return Response.ok(Csv.audit(rows), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

}
