package io.fairdraw.betting.entry;

import io.fairdraw.model.betting.NumberPicker;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import io.fairdraw.model.game.Game;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The purchase request: lines as typed, as a BBFS digit set to expand, or as a quick pick. */
final class TicketBodies {
    private TicketBodies() {
    }

    @Schema(name = "TicketLineRequest", description = "exactly one of selection, bbfs or quickPick")
    record LineBody(@Schema(required = true, examples = "FOUR_D") String betType,
            @Schema(examples = "1234") String selection,
            @Schema(description = "digits to expand into every arrangement (2D, 3D, 4D)", examples = "1234") String bbfs,
            @Schema(description = "true: the server picks the selection") Boolean quickPick,
            @Schema(required = true, description = "minor units of the draw's currency", examples = "100000") Long stake) {
    }

    @Schema(name = "TicketRequest")
    record TicketBody(@Schema(required = true) List<LineBody> lines,
            @Schema(description = "buy the same lines for this draw and the open draws after it (1-10, default 1)", examples = "1")
            Integer draws) {
        int drawCount() {
            return draws == null ? 1 : draws;
        }

        /** The lines to price: typed ones as they are, BBFS sets expanded, quick picks drawn from {@code random}. */
        List<RequestedLine> expand(Game game, RandomGenerator random) {
            if (lines == null || lines.isEmpty()) {
                throw ValidationException.of("lines", "a ticket has at least one line");
            }
            List<Violation> violations = new ArrayList<>();
            List<RequestedLine> expanded = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String field = "lines[" + i + "]";
                LineBody line = lines.get(i);
                if (line == null) {
                    violations.add(new Violation(field, "is required"));
                    continue;
                }
                int ways = (line.selection() != null ? 1 : 0) + (line.bbfs() != null ? 1 : 0) + (Boolean.TRUE.equals(line.quickPick()) ? 1 : 0);
                if (ways != 1) {
                    violations.add(new Violation(field, "has exactly one of selection, bbfs or quickPick: true"));
                    continue;
                }
                if (line.stake() == null) {
                    violations.add(new Violation(field + ".stake", "is required"));
                    continue;
                }
                try {
                    if (line.selection() != null) {
                        expanded.add(new RequestedLine(line.betType(), line.selection(), line.stake()));
                    } else if (line.bbfs() != null) {
                        NumberPicker.bbfs(line.betType(), line.bbfs(), field)
                                .forEach(selection -> expanded.add(new RequestedLine(line.betType(), selection, line.stake())));
                    } else {
                        expanded.add(new RequestedLine(line.betType(), NumberPicker.quickPick(game, line.betType(), random, field), line.stake()));
                    }
                } catch (ValidationException invalid) {
                    violations.addAll(invalid.violations());
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            TicketPricing.requireFits(expanded.size());
            return expanded;
        }
    }
}
