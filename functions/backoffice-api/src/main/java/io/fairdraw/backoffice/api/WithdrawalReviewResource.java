package io.fairdraw.backoffice.api;

import io.fairdraw.model.validation.Checks;
import io.fairdraw.model.wallet.Withdrawal;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The withdrawal review queue: operators release or reject withdrawals held for review; auditors
 * read it.
 */
@Path("/v1/backoffice/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class WithdrawalReviewResource {
    @Inject
    WithdrawalReviews reviews;

    @Inject
    RequestStamps stamps;

    @GET
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.AUDITOR})
    @Operation(summary = "Withdrawals by status (REVIEW by default: the review queue), oldest first")
    public BackOfficeViews.WithdrawalList withdrawals(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        String wanted = Filters.status(Withdrawal.Status.class, status, Withdrawal.Status.REVIEW).name();
        return new BackOfficeViews.WithdrawalList(reviews.queue(wanted, Filters.limit(limit, 100)).stream()
                .map(BackOfficeViews.WithdrawalView::of).toList());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Release a withdrawal held for review; payout then pays it")
    @APIResponse(responseCode = "409", description = "Not in review (ALREADY_DECIDED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.WithdrawalView approveWithdrawal(@PathParam("id") String id) {
        return BackOfficeViews.WithdrawalView.of(reviews.approve(Filters.id("id", id), stamps.stamp()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Reject a withdrawal held for review, with a reason; the amount goes back to the wallet")
    public BackOfficeViews.WithdrawalView rejectWithdrawal(@PathParam("id") String id, BackOfficeViews.DecisionBody body) {
        String reason = Checks.text(Bodies.required(body).note(), "note", 500);
        return BackOfficeViews.WithdrawalView.of(reviews.reject(Filters.id("id", id), reason, stamps.stamp()));
    }

}
