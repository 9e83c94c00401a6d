package io.fairdraw.wallet.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.GatewayRequests;
import io.fairdraw.platform.web.IdempotentRoutes;
import io.fairdraw.platform.web.PageSizes;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.platform.web.RequestStamps;
import io.fairdraw.wallet.WalletCommands;
import io.fairdraw.wallet.WalletService;
import io.fairdraw.wallet.WalletViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The player's wallet: balance, statement, deposits and withdrawals. Always the caller's own. */
@Path("/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class WalletResource {
    @Inject
    WalletService wallet;

    @Inject
    WalletCommands commands;

    @Inject
    CurrentCaller caller;

    @Inject
    APIGatewayV2HTTPEvent event;

    @Inject
    RequestStamps stamps;

    @Inject
    IdempotentRoutes idempotent;

    @GET
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "The caller's balance and what waits in withdrawals")
    public WalletViews.WalletView balances() {
        return WalletViews.WalletView.of(wallet.balances(caller.get().playerId()));
    }

    @GET
    @Path("/transactions")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "The caller's wallet statement, newest first, a page at a time")
    public WalletViews.StatementView transactions(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String limit) {
        return WalletViews.StatementView.of(wallet.statement(caller.get().playerId(), Optional.ofNullable(cursor), PageSizes.parse(limit)));
    }

    @POST
    @Path("/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Start a deposit with a payment provider; credited when the provider confirms")
    @APIResponse(responseCode = "201", description = "Started; pay at redirectUrl",
            content = @Content(schema = @Schema(implementation = WalletViews.DepositView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to deposit (reasonCode says why, e.g. UNDERAGE, DEPOSIT_LIMIT_REACHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response deposit(@HeaderParam(IdempotentRoutes.KEY) String key, WalletBodies.DepositBody body) {
        IdempotencyKey idempotencyKey = new IdempotencyKey(key);
        WalletBodies.DepositBody deposit = Bodies.required(body);
        return IdempotentRoutes.respond(commands.deposit(caller.get().playerId(), idempotencyKey, idempotent.fingerprint(deposit), deposit.money(),
                deposit.providerName(), GatewayRequests.authorizedCountry(event), stamps.stamp()));
    }

    @POST
    @Path("/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Withdraw to an instrument you deposited from; the amount leaves the balance at once")
    @APIResponse(responseCode = "201", description = "Requested; the payout follows",
            content = @Content(schema = @Schema(implementation = WalletViews.WithdrawalView.class)))
    public Response withdraw(@HeaderParam(IdempotentRoutes.KEY) String key, WalletBodies.WithdrawalBody body) {
        IdempotencyKey idempotencyKey = new IdempotencyKey(key);
        WalletBodies.WithdrawalBody withdrawal = Bodies.required(body);
        return IdempotentRoutes.respond(commands.withdraw(caller.get().playerId(), idempotencyKey, idempotent.fingerprint(withdrawal), withdrawal.money(),
                withdrawal.instrument(), stamps.stamp()));
    }
}
