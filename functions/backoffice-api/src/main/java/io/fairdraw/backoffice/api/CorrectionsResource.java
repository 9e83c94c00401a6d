package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.CorrectionRow;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.money.Money;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Four-eyes correcting transfers: one operator proposes, another approves or rejects; auditors
 * read them.
 */
@Path("/v1/backoffice/corrections")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CorrectionsResource {
    @Inject
    Corrections corrections;

    @Inject
    RequestStamps stamps;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Correcting transfers in one status (PROPOSED by default), oldest first")
    public BackOfficeViews.CorrectionList corrections(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        CorrectionRow.Status wanted = Filters.status(CorrectionRow.Status.class, status, CorrectionRow.Status.PROPOSED);
        return new BackOfficeViews.CorrectionList(corrections.list(wanted, Filters.limit(limit, 100)).stream()
                .map(BackOfficeViews.CorrectionView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Propose a correcting transfer; a different operator must approve it before money moves")
    @APIResponse(responseCode = "201", description = "Proposed")
    public Response propose(BackOfficeViews.CorrectionBody body) {
        BackOfficeViews.CorrectionBody proposal = Bodies.required(body);
        io.fairdraw.model.validation.Validation validation = new io.fairdraw.model.validation.Validation();
        AccountId debit = validation.field("debit", () -> new AccountId(proposal.debit()));
        AccountId credit = validation.field("credit", () -> new AccountId(proposal.credit()));
        Money amount = validation.field("amount", () -> Money.of(Checks.present(proposal.amount(), "amount"), proposal.currency()));
        String reason = validation.field("reason", () -> Checks.text(proposal.reason(), "reason", 500));
        validation.throwIfInvalid();
        CorrectionRow row = corrections.propose(debit, credit, amount, reason, stamps.stamp().actor(), stamps.stamp().requestId().value());
        return Response.status(Response.Status.CREATED).entity(BackOfficeViews.CorrectionView.of(row)).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Approve a correction proposed by another operator; it is applied to the ledger at once, exactly once")
    @APIResponse(responseCode = "403", description = "The proposer cannot approve (FOUR_EYES_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.CorrectionView approve(@PathParam("id") String id) {
        return BackOfficeViews.CorrectionView.of(corrections.approve(Filters.id("id", id), stamps.stamp().actor(), stamps.stamp().requestId().value()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject a correction proposed by another operator, with a reason")
    public BackOfficeViews.CorrectionView reject(@PathParam("id") String id, BackOfficeViews.DecisionBody body) {
        String note = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.CorrectionView.of(corrections.reject(Filters.id("id", id), stamps.stamp().actor(), stamps.stamp().requestId().value(), note));
    }

}
