package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The books per currency from the journal, for operators and auditors: the signed sum (zero),
 * totals by account type, and any breach.
 */
@Path("/v1/backoffice/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class BooksResource {
    @Inject
    Reporting reporting;

    @Inject
    Reports reports;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The books per currency from the journal: the signed sum (zero), totals by account type, breaches")
    public BackOfficeViews.ReconciliationView reconciliation() {
        return BackOfficeViews.ReconciliationView.of(reporting.read(reports::reconciliation));
    }

}
