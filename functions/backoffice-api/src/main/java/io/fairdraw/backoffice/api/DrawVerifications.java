package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.fairness.SealedHeader;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.draws.Draws;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A draw's verification, recomputed for auditors from the draw as the draw function stored it:
 * the seal header's hash from its published fields, the revealed seed against the commitment,
 * the randomness against the beacon signature, the numbers from seed, root and randomness
 * (SPEC §2–§6, as {@code docs/fairness/verify.mjs} does), and the sealed stakes against the
 * money the ledger took for the draw. The drand BLS signature itself is checked by the draw
 * function when it fetches the round and by the public verifier, which carries the chains' keys.
 */
@ApplicationScoped
public class DrawVerifications {
    private static final HexFormat HEX = HexFormat.of();

    /** One check: {@code PASS}, {@code FAIL}, or {@code PENDING} when the draw has not reached it yet. */
    public record Check(String name, String result, String detail) {
        static Check of(String name, boolean passed, String detail) {
            return new Check(name, passed ? "PASS" : "FAIL", detail);
        }

        static Check pending(String name, String detail) {
            return new Check(name, "PENDING", detail);
        }
    }

    /** Every check of a draw; {@code verified} once all of them pass. */
    public record Verification(String drawId, String gameId, String status, boolean verified, List<Check> checks) {
    }

    private final Draws draws;
    private final Catalogues catalogues;
    private final Reports reports;
    private final Reporting reporting;

    public DrawVerifications(Draws draws, Catalogues catalogues, Reports reports, Reporting reporting) {
        this.draws = draws;
        this.catalogues = catalogues;
        this.reports = reports;
        this.reporting = reporting;
    }

    public Verification of(String drawId) {
        Draw draw = draws.find(drawId).orElseThrow(() -> new DomainException(ErrorType.DRAW_NOT_FOUND, "no draw " + drawId));
        List<Check> checks = new ArrayList<>();
        Optional<Draw.Seal> seal = draw.seal();
        if (seal.isEmpty()) {
            checks.add(Check.pending("seal", "the draw is " + draw.status() + ": not sealed"));
        } else {
            checks.add(header(draw, seal.get()));
            checks.add(ledger(draw, seal.get()));
        }
        if (draw.outcome().isEmpty()) {
            checks.add(Check.pending("outcome", draw.status() == DrawStatus.VOIDED ? "voided: no outcome, every ticket refunded"
                    : "not drawn yet"));
        } else {
            Draw.Outcome outcome = draw.outcome().get();
            checks.add(commitment(draw, outcome));
            checks.add(randomness(outcome));
            seal.ifPresent(s -> checks.add(numbers(draw, s, outcome)));
        }
        boolean verified = checks.stream().allMatch(c -> c.result().equals("PASS"));
        return new Verification(draw.id(), draw.gameId(), draw.status().name(), verified, checks);
    }

    private static Check header(Draw draw, Draw.Seal seal) {
        String recomputed = HEX.formatHex(new SealedHeader(draw.id(), seal.leafCount(), draw.currency(), seal.totalStakeMinor(),
                HEX.parseHex(seal.root())).hash());
        return Check.of("seal.headerHash", recomputed.equals(seal.headerHash()),
                "SHA256 of the header (" + seal.leafCount() + " tickets, " + seal.totalStakeMinor() + " " + draw.currency() + ", root "
                        + seal.root() + ") is " + recomputed);
    }

    /** The sealed stakes against the stakes the ledger moved into the draw's escrow, as projected. */
    private Check ledger(Draw draw, Draw.Seal seal) {
        Optional<Reports.DrawReport> report = reporting.read(() -> reports.draw(draw.id()));
        if (report.isEmpty()) {
            return Check.pending("seal.ledger", "the draw is not projected into the reporting store yet");
        }
        long ledger = report.get().salesMinor();
        return Check.of("seal.ledger", ledger == seal.totalStakeMinor() && report.get().tickets() == seal.leafCount(),
                "sealed " + seal.leafCount() + " tickets for " + seal.totalStakeMinor() + "; the ledger took " + report.get().tickets()
                        + " stakes for " + ledger + " (the projection may trail the ledger by seconds)");
    }

    private static Check commitment(Draw draw, Draw.Outcome outcome) {
        String recomputed = HEX.formatHex(Commitment.of(draw.id(), draw.beacon().chainHash(), draw.beacon().round(), HEX.parseHex(outcome.seed())));
        return Check.of("commitment", recomputed.equals(draw.commitment()),
                "the revealed seed with chain " + abbreviate(draw.beacon().chainHash()) + " and round " + draw.beacon().round()
                        + " commits to " + recomputed);
    }

    private static Check randomness(Draw.Outcome outcome) {
        String recomputed = HEX.formatHex(Encoding.sha256(HEX.parseHex(outcome.beaconSignature())));
        return Check.of("beacon.randomness", recomputed.equals(outcome.beaconRandomness()),
                "SHA256 of the beacon signature is " + recomputed);
    }

    private Check numbers(Draw draw, Draw.Seal seal, Draw.Outcome outcome) {
        Optional<Game> game = catalogues.games(draw.termsVersion()).game(draw.gameId());
        if (game.isEmpty()) {
            return Check.of("numbers", false, "game " + draw.gameId() + " is not in catalogue version " + draw.termsVersion());
        }
        OutcomeStream stream = new OutcomeStream(HEX.parseHex(outcome.seed()), draw.id(), HEX.parseHex(seal.root()),
                HEX.parseHex(outcome.beaconRandomness()));
        List<Integer> recomputed = game.get() instanceof LottoGame lotto ? stream.lotto(lotto.pick(), lotto.of())
                : Arrays.stream(stream.fourD()).boxed().toList();
        return Check.of("numbers", recomputed.equals(outcome.numbers()),
                "published " + outcome.numbers() + ", recomputed " + recomputed);
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }
}
