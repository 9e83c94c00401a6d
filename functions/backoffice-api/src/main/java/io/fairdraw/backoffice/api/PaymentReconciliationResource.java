package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.PaymentBooks;
import io.fairdraw.backoffice.store.PaymentMatching;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Reconciling a payment provider's deposits: the ledger's credits against the deposits the
 * wallet recorded (one credit per credited deposit, one payment per credit), and against the
 * provider's settlement report when one is posted. Both only read, so auditors may run them.
 */
@Path("/v1/backoffice/reconciliation/payments/{provider}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PaymentReconciliationResource {
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final String CSV = "text/csv";

    @Inject
    Reporting reporting;

    @Inject
    PaymentBooks books;

    /** The reconciliation, and what the report held besides settled payments (fees, refunds, ...). */
    @RegisterForReflection(targets = {PaymentMatching.Books.class, PaymentMatching.Totals.class, PaymentMatching.Discrepancy.class})
    public record PaymentsView(PaymentMatching.Books books, Map<String, Integer> otherReportLines) {
    }

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "A provider's deposits against the ledger's credits: every credited deposit one credit, every payment one deposit")
    public PaymentMatching.Books internal(@PathParam("provider") String provider) {
        String name = provider(provider);
        return reporting.read(() -> books.reconcile(name, Optional.empty()));
    }

    /**
     * Takes any media type so that the caller's role is checked before the body's type (a route
     * that named text/csv would answer 415 to a caller with no token); anything but CSV is then 415.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "The same, and the provider's settlement report (Adyen's Settlement details columns, as CSV) against the ledger")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The report cannot be read: a required column or cell is missing, an amount is "
            + "not a whole number of minor units", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "The body is not text/csv", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PaymentsView withReport(@PathParam("provider") String provider, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String report) {
        String name = provider(provider);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(CSV)) {
            throw new DomainException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "send the settlement report as text/csv");
        }
        SettlementReports.Report read = SettlementReports.read(Checks.present(report, "report"));
        PaymentMatching.Books reconciled = reporting.read(() -> books.reconcile(name, Optional.of(read.settled())));
        return new PaymentsView(reconciled, read.otherTypes());
    }

    private static String provider(String provider) {
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw ValidationException.of("provider", "is a provider's name in lower case, such as sandbox or adyen");
        }
        return provider;
    }
}
