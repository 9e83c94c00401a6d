package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.PersonalData;
import io.fairdraw.backoffice.store.PersonalRecord;
import io.fairdraw.backoffice.store.PlayerKey;
import io.fairdraw.backoffice.store.PlayerRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.TransferRow;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Problem;
import io.fairdraw.platform.web.RequestStamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Operators' actions on one player's account: the support view, erasure of a closed account's
 * personal data, and the return of its balance.
 */
@Path("/v1/backoffice/players/{playerId}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PlayerCasesResource {
    @Inject
    Reporting reporting;

    @Inject
    Erasures erasures;

    @Inject
    PersonalData personalData;

    @Inject
    BalanceReturns balanceReturns;

    @Inject
    RequestStamps stamps;

    @GET
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Player support view: account state, personal data while it is kept, the latest 50 transfers")
    public BackOfficeViews.PlayerView player(@PathParam("playerId") String playerId) {
        String id = Filters.id("playerId", playerId);
        return reporting.read(() -> PlayerRow.<PlayerRow>findById(id).chain(player -> {
            if (player == null) {
                throw new DomainException(ErrorType.NOT_FOUND, "no player " + id);
            }
            return PlayerKey.<PlayerKey>findById(id).chain(key -> PersonalRecord.<PersonalRecord>findById(id)
                    .chain(sealed -> TransferRow.<TransferRow>find("playerId = ?1 order by at desc, id", id).range(0, 49).list()
                            .map(transfers -> {
                                Optional<PersonalData.Personal> personal = key == null || sealed == null
                                        ? Optional.empty()
                                        : personalData.open(id, key.wrappedKey, sealed.sealed);
                                return new BackOfficeViews.PlayerView(id, player.status, player.kyc, player.country, player.subdivision,
                                        player.registeredAt, personal.orElse(null), key != null && key.erasedAt != null,
                                        transfers.stream().map(BackOfficeViews.TransferView::of).toList());
                            })));
        }));
    }

    @POST
    @Path("/erasure")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Erase a closed account's personal data by destroying its data key (after the retention period)")
    @APIResponse(responseCode = "409", description = "Not closed, or still within retention (ERASURE_NOT_ALLOWED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.ErasureView erase(@PathParam("playerId") String playerId) {
        PlayerKey key = erasures.erase(Filters.id("playerId", playerId), stamps.stamp().actor());
        return new BackOfficeViews.ErasureView(key.playerId, key.erasedAt, key.erasedBy);
    }

    @POST
    @Path("/balance-return")
    @RolesAllowed(Role.Names.OPERATOR)
    @Operation(summary = "Return a closed account's whole balance to its latest deposit instrument, as a withdrawal payout then pays")
    @APIResponse(responseCode = "409", description = "Not closed (STANDING_CONFLICT), or no deposit instrument (NO_DEPOSIT_INSTRUMENT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Nothing to return (INSUFFICIENT_FUNDS)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackOfficeViews.WithdrawalView returnBalance(@PathParam("playerId") String playerId) {
        io.fairdraw.model.id.PlayerId player = new io.fairdraw.model.id.PlayerId(Filters.id("playerId", playerId));
        return BackOfficeViews.WithdrawalView.of(balanceReturns.returnBalance(player, stamps.stamp()));
    }

}
