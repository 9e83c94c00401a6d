package io.fairdraw.betting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.game.BetTerms;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What betting answers, as JSON. A ticket's view is also what its Idempotency-Key replays, so it
 * is serialised once, when first answered. A draw's view is the published draw of
 * docs/fairness/README.md: the independent verifier reads it as it is.
 */
public final class BettingViews {
    private static final HexFormat HEX = HexFormat.of();

    private BettingViews() {
    }

    @Schema(name = "TicketLine")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(String betType, String selection, long stake, long price,
            @Schema(description = "what the line pays if it wins once; absent for lotto, which pays a share of a pool") Long potentialWin,
            long multiplierMilli, int discountBasisPoints) {
        static LineView of(PricedLine line) {
            return new LineView(line.betType(), line.selection(), line.stakeMinor(), line.priceMinor(),
                    line.potentialWinMinor().isPresent() ? line.potentialWinMinor().getAsLong() : null, line.multiplierMilli(),
                    line.discountBasisPoints());
        }
    }

    /** The draw a ticket is in, as it was committed before sales. */
    @Schema(name = "TicketDraw")
    @RegisterForReflection
    public record DrawRef(String drawId, String status, Instant drawTime, Instant cutOff, String commitment, String beaconChainHash,
            long beaconRound) {
        static DrawRef of(Draw draw) {
            return new DrawRef(draw.id(), draw.status().name(), draw.drawTime(), draw.cutOff(), draw.commitment(),
                    draw.beacon().chainHash(), draw.beacon().round());
        }
    }

    /** The receipt: amounts are minor units of {@code currency}; {@code leafHash} is the ticket's Merkle leaf hash (SPEC §3, §4). */
    @Schema(name = "Ticket")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketView(String ticketId, String gameId, int gameVersion, Instant purchasedAt, String currency,
            List<LineView> lines, long pricePaid, long potentialWinUpTo, String leafHash, DrawRef draw,
            @Schema(description = "a multi-draw purchase: the same lines bought for the draws after this one, each its own ticket")
            List<TicketSummary> nextDraws,
            @Schema(description = "once the draw is settled or voided: WON (with the amount credited), LOST or REFUNDED")
            Outcome outcome) {
        public static TicketView of(Ticket ticket, Draw draw) {
            return of(ticket, draw, List.of());
        }

        /** The view with what the ticket came to, once its draw is settled or voided. */
        public TicketView withOutcome(Outcome outcome) {
            return new TicketView(ticketId, gameId, gameVersion, purchasedAt, currency, lines, pricePaid, potentialWinUpTo, leafHash, draw,
                    nextDraws, outcome);
        }

        public static TicketView of(Ticket ticket, Draw draw, List<TicketSummary> nextDraws) {
            TicketLeaf leaf = ticket.leaf();
            return new TicketView(ticket.id().value(), ticket.gameId(), ticket.gameVersion(), ticket.purchasedAt(), ticket.currency(),
                    ticket.lines().stream().map(LineView::of).toList(), ticket.pricePaidMinor(), ticket.potentialWinUpToMinor(),
                    HEX.formatHex(MerkleTree.leafHash(leaf.bytes())), DrawRef.of(draw), nextDraws.isEmpty() ? null : nextDraws, null);
        }
    }

    @Schema(name = "TicketOutcome")
    @RegisterForReflection
    public record Outcome(String result, long amount) {
    }

    @Schema(name = "TicketPage")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketPage(List<TicketSummary> items, String next) {
    }

    @Schema(name = "TicketSummary")
    @RegisterForReflection
    public record TicketSummary(String ticketId, String drawId, String gameId, Instant purchasedAt, String currency, int lines,
            long pricePaid, long potentialWinUpTo) {
        public static TicketSummary of(Ticket ticket) {
            return new TicketSummary(ticket.id().value(), ticket.id().drawId(), ticket.gameId(), ticket.purchasedAt(), ticket.currency(),
                    ticket.lines().size(), ticket.pricePaidMinor(), ticket.potentialWinUpToMinor());
        }
    }

    // ---- draws, as published for verification ----

    @Schema(name = "DrawGame")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GameKind(String type, Integer pick, Integer of) {
        static GameKind of(Game game) {
            return game instanceof LottoGame lotto ? new GameKind("LOTTO", lotto.pick(), lotto.of()) : new GameKind("4D", null, null);
        }
    }

    @Schema(name = "DrawBeacon")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BeaconView(String chainHash, long round, String signature, String previousSignature, String randomness) {
    }

    @Schema(name = "DrawSeal")
    @RegisterForReflection
    public record SealView(long leafCount, String currency, long totalStakeMinor, String root, String headerHash) {
    }

    /**
     * A draw as published: commitment and beacon round before sales; the seal once sealed; the
     * seed, the beacon's signature and randomness and the numbers once drawn. {@code localBeacon}
     * is true when a laptop's local beacon stood in for drand: such a draw proves nothing.
     */
    @Schema(name = "Draw")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrawView(int specVersion, String drawId, String gameId, GameKind game, String status, Instant drawTime, Instant cutOff,
            String commitment, BeaconView beacon, SealView seal, String seed, List<Integer> numbers, Boolean localBeacon) {
        public static DrawView of(Draw draw, Game game) {
            var outcome = draw.outcome();
            BeaconView beacon = new BeaconView(draw.beacon().chainHash(), draw.beacon().round(),
                    outcome.map(Draw.Outcome::beaconSignature).orElse(null), outcome.map(Draw.Outcome::beaconPreviousSignature).orElse(null),
                    outcome.map(Draw.Outcome::beaconRandomness).orElse(null));
            SealView seal = draw.seal().map(s -> new SealView(s.leafCount(), draw.currency(), s.totalStakeMinor(), s.root(), s.headerHash()))
                    .orElse(null);
            return new DrawView(1, draw.id(), draw.gameId(), GameKind.of(game), draw.status().name(), draw.drawTime(), draw.cutOff(),
                    draw.commitment(), beacon, seal, outcome.map(Draw.Outcome::seed).orElse(null),
                    outcome.map(Draw.Outcome::numbers).orElse(null), draw.beacon().isLocal() ? Boolean.TRUE : null);
        }
    }

    @Schema(name = "DrawPage")
    @RegisterForReflection
    public record DrawPage(List<DrawView> items) {
    }

    @Schema(name = "LeafLine")
    @RegisterForReflection
    public record LeafLine(String betType, String selection, long stakeMinor) {
    }

    /** A ticket as the verifier's {@code tickets[]} entry: its leaf, its position in the sealed tree and its audit path. */
    @Schema(name = "InclusionProof")
    @RegisterForReflection
    public record ProofView(String drawId, long leafCount, String root, String ticketId, String currency, long pricePaidMinor,
            List<LeafLine> lines, long index, List<String> proof) {
        public static ProofView of(Draw draw, TicketLeaf leaf, long index, List<byte[]> proof) {
            Draw.Seal seal = draw.seal().orElseThrow();
            return new ProofView(draw.id(), seal.leafCount(), seal.root(), leaf.ticketId(), leaf.currency(), leaf.pricePaidMinor(),
                    leaf.lines().stream().map(l -> new LeafLine(l.betType(), l.selection(), l.stakeMinor())).toList(), index,
                    proof.stream().map(HEX::formatHex).toList());
        }
    }

    // ---- games ----

    @Schema(name = "BetTerms")
    @RegisterForReflection
    /** {@code maxWinsPerDraw}: how many times one line can win in a draw (colok bebas 4, once per occurrence; others 1). */
    public record TermsView(long multiplierMilli, int discountBasisPoints, long minStake, long maxStake, long liabilityLimit,
            int maxWinsPerDraw) {
        static TermsView of(BetType type, BetTerms terms) {
            return new TermsView(terms.multiplierMilli(), terms.discountBasisPoints(), terms.minStakeMinor(), terms.maxStakeMinor(),
                    terms.liabilityLimitMinor(), type.maxUnits());
        }
    }

    /** {@code drawTime} is the day's first draw; {@code everyMinutes}, when present, repeats it until midnight. */
    @Schema(name = "DrawScheduleView")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleView(String zone, List<String> days, String drawTime, long cutOffMinutes, long sealWindowSeconds, Long everyMinutes) {
    }

    @Schema(name = "Game")
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GameView(String id, int version, String name, String kind, String currency, ScheduleView schedule,
            Map<String, TermsView> betTypes, Integer pick, Integer of, Long linePrice, Map<String, Integer> tierShareBasisPoints) {
        public static GameView of(Game game) {
            var s = game.schedule();
            ScheduleView schedule = new ScheduleView(s.zone().getId(), s.days().stream().sorted().map(Enum::name).toList(),
                    s.drawTime().toString(), s.cutOff().toMinutes(), s.sealWindow().toSeconds(),
                    s.every().isZero() ? null : s.every().toMinutes());
            return switch (game) {
                case FixedOddsGame fixed -> {
                    Map<String, TermsView> terms = new TreeMap<>();
                    fixed.terms().forEach((type, t) -> terms.put(type.name(), TermsView.of(type, t)));
                    yield new GameView(fixed.id(), fixed.version(), fixed.name(), "FIXED_ODDS", fixed.currency().code(), schedule, terms,
                            null, null, null, null);
                }
                case LottoGame lotto -> {
                    Map<String, Integer> tiers = new TreeMap<>();
                    lotto.tierShareBasisPoints().forEach((matches, share) -> tiers.put(Integer.toString(matches), share));
                    yield new GameView(lotto.id(), lotto.version(), lotto.name(), "LOTTO", lotto.currency().code(), schedule, null,
                            lotto.pick(), lotto.of(), lotto.linePriceMinor(), tiers);
                }
            };
        }
    }

    @Schema(name = "GameList")
    @RegisterForReflection
    public record GameList(int catalogueVersion, List<GameView> items) {
    }
}
