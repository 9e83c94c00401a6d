package io.fairdraw.betting.entry;

import io.fairdraw.betting.store.Favourites;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.web.Bodies;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's favourites: named line sets, validated against the game when saved, bought with the ticket route. */
@Path("/v1/players/me/favourites")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class FavouriteResource {
    @Inject
    Favourites favourites;

    @Inject
    Catalogues catalogues;

    @Inject
    CurrentCaller caller;

    @Inject
    TimeSource clock;

    @Schema(name = "FavouriteLine")
    @RegisterForReflection
    public record LineView(@Schema(required = true) String betType, @Schema(required = true) String selection,
            @Schema(required = true, description = "minor units") Long stake) {
    }

    @Schema(name = "FavouriteRequest")
    record FavouriteBody(@Schema(required = true, examples = "4d-jakarta") String gameId, @Schema(required = true) List<LineView> lines) {
    }

    @Schema(name = "Favourite")
    @RegisterForReflection
    public record FavouriteView(String name, String gameId, List<LineView> lines, Instant savedAt) {
        static FavouriteView of(Favourites.Favourite favourite) {
            return new FavouriteView(favourite.name(), favourite.gameId(), favourite.lines().stream()
                    .map(l -> new LineView(l.betType(), l.selection(), l.stakeMinor())).toList(), favourite.savedAt());
        }
    }

    @Schema(name = "FavouriteList")
    @RegisterForReflection
    public record FavouriteList(List<FavouriteView> items) {
    }

    @GET
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "The caller's favourites")
    public FavouriteList list() {
        return new FavouriteList(favourites.of(caller.get().playerId()).stream().map(FavouriteView::of).toList());
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Save lines under a name (at most 20 favourites); they must be buyable in the game as it stands")
    public FavouriteView save(@PathParam("name") String name, FavouriteBody body) {
        Favourites.requireName(name);
        FavouriteBody favourite = Bodies.required(body);
        Game game = catalogues.games().game(favourite.gameId() == null ? "" : favourite.gameId())
                .orElseThrow(() -> new DomainException(ErrorType.GAME_NOT_FOUND, "no game " + favourite.gameId()));
        if (favourite.lines() == null) {
            throw ValidationException.of("lines", "a favourite has at least one line");
        }
        List<RequestedLine> requested = favourite.lines().stream().map(l -> l == null ? null
                : new RequestedLine(l.betType(), l.selection(), l.stake() == null ? 0 : l.stake())).toList();
        List<RequestedLine> canonical = TicketPricing.price(game, requested).stream()
                .map(line -> new RequestedLine(line.betType(), line.selection(), line.stakeMinor())).toList();
        Favourites.Favourite saved = new Favourites.Favourite(name, game.id(), canonical, clock.now());
        favourites.save(caller.get().playerId(), saved);
        return FavouriteView.of(saved);
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Role.Names.PLAYER)
    @Operation(summary = "Forget a favourite")
    public Response delete(@PathParam("name") String name) {
        if (!favourites.delete(caller.get().playerId(), Favourites.requireName(name))) {
            throw new DomainException(ErrorType.NOT_FOUND, "no favourite named " + name);
        }
        return Response.noContent().build();
    }
}
