package io.fairdraw.betting;

import io.fairdraw.model.betting.Ticket;
import io.fairdraw.betting.store.TicketStore;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.draws.SealTrees;
import io.fairdraw.platform.security.Caller;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.tickets.TicketResults;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What betting lets callers read: games, draws as published, tickets (a player only their own;
 * an operator or auditor any), and a ticket's inclusion proof in its sealed draw.
 */
@ApplicationScoped
public class Readings {
    public static final int MAX_DRAWS = 50;

    private final Catalogues catalogues;
    private final Draws draws;
    private final TicketStore tickets;
    private final SealTrees trees;
    private final TicketResults results;

    public Readings(Catalogues catalogues, Draws draws, TicketStore tickets, SealTrees trees, TicketResults results) {
        this.catalogues = catalogues;
        this.draws = draws;
        this.tickets = tickets;
        this.trees = trees;
        this.results = results;
    }

    public BettingViews.GameList games() {
        GameCatalogue catalogue = catalogues.games();
        return new BettingViews.GameList(catalogue.version(), catalogue.games().stream().map(BettingViews.GameView::of).toList());
    }

    public BettingViews.DrawPage draws(String gameId, Optional<DrawStatus> status, int limit) {
        if (limit < 1 || limit > MAX_DRAWS) {
            throw io.fairdraw.model.error.ValidationException.of("limit", "must be between 1 and " + MAX_DRAWS);
        }
        Game game = catalogues.games().game(gameId == null ? "" : gameId)
                .orElseThrow(() -> new DomainException(ErrorType.GAME_NOT_FOUND, "no game " + gameId + "; GET /v1/games lists them"));
        return new BettingViews.DrawPage(draws.ofGame(game.id(), status, limit).stream()
                .map(d -> BettingViews.DrawView.of(d, catalogues.games(d.termsVersion()).game(d.gameId()).orElse(game))).toList());
    }

    public BettingViews.DrawView draw(String drawId) {
        Draw draw = find(drawId);
        return BettingViews.DrawView.of(draw, catalogues.games(draw.termsVersion()).game(draw.gameId()).orElseThrow(() -> new DomainException(ErrorType.GAME_NOT_FOUND,
                "the game of " + drawId + " is no longer offered")));
    }

    public Draw find(String drawId) {
        if (drawId == null || !TicketId.isDrawId(drawId)) {
            throw new DomainException(ErrorType.DRAW_NOT_FOUND, "no such draw");
        }
        return draws.find(drawId).orElseThrow(() -> new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + drawId));
    }

    /** The ticket if the caller may see it; another player's ticket is "not found", never "forbidden". */
    public Ticket ticket(String ticketId, Caller caller) {
        TicketId id = new TicketId(ticketId);
        Ticket ticket = tickets.find(id).orElseThrow(() -> new DomainException(ErrorType.TICKET_NOT_FOUND, "no ticket " + ticketId));
        boolean staff = caller.has(Role.OPERATOR) || caller.has(Role.AUDITOR);
        if (!staff && !ticket.owner().equals(caller.playerId())) {
            throw new DomainException(ErrorType.TICKET_NOT_FOUND, "no ticket " + ticketId);
        }
        return ticket;
    }

    /** The receipt, with what the ticket came to once its draw is settled (no marker then means lost) or voided. */
    public BettingViews.TicketView ticketView(String ticketId, Caller caller) {
        Ticket ticket = ticket(ticketId, caller);
        Draw draw = find(ticket.id().drawId());
        BettingViews.TicketView view = BettingViews.TicketView.of(ticket, draw);
        if (draw.status() == DrawStatus.SETTLED || draw.status() == DrawStatus.VOIDED) {
            var result = results.of(draw.id(), ticket.id().value());
            BettingViews.Outcome outcome = result.map(r -> new BettingViews.Outcome(r.kind() == TicketResults.Kind.WIN ? "WON" : "REFUNDED", r.amountMinor()))
                    .orElse(draw.status() == DrawStatus.SETTLED ? new BettingViews.Outcome("LOST", 0) : null);
            view = view.withOutcome(outcome);
        }
        return view;
    }

    /**
     * The ticket's inclusion proof in the sealed tree of its draw, from the tree the seal stored
     * (two reads, whatever the draw's size). A ticket that is not in its draw's sealed tree is an
     * integrity failure, answered with 500 and logged, never with a made-up path.
     */
    public BettingViews.ProofView proof(String drawId, String ticketId, Caller caller) {
        Ticket ticket = ticket(ticketId, caller);
        if (!ticket.id().drawId().equals(drawId)) {
            throw new DomainException(ErrorType.TICKET_NOT_FOUND, "no ticket " + ticketId + " in " + drawId);
        }
        Draw draw = find(drawId);
        if (draw.seal().isEmpty() || draw.status() == DrawStatus.VOIDED) {
            throw new DomainException(ErrorType.PROOF_NOT_READY, drawId + " is " + draw.status() + "; proofs exist once it is sealed");
        }
        TicketLeaf leaf = ticket.leaf();
        SealTrees.Inclusion inclusion = trees.inclusion(drawId, ticketId, MerkleTree.leafHash(leaf.bytes()))
                .orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " is missing from the sealed tree of " + drawId));
        return BettingViews.ProofView.of(draw, leaf, inclusion.index(), inclusion.path());
    }

    public BettingViews.TicketPage mine(Caller caller, Optional<String> cursor, int limit) {
        TicketStore.Page page = tickets.ofOwner(caller.playerId(), cursor, limit);
        return new BettingViews.TicketPage(page.tickets().stream().map(BettingViews.TicketSummary::of).toList(), page.next().orElse(null));
    }
}
