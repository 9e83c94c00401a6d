package io.fairdraw.model.fairness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** SPEC §3: a ticket as a Merkle leaf, with no personal data, and the canonical order of leaves. */
public record TicketLeaf(String ticketId, String drawId, String currency, long pricePaidMinor, List<Line> lines) {
    public static final String DOMAIN = "fairdraw/ticket/v1";

    /** Leaves sorted by ticket id, as unsigned UTF-8 bytes, shortest first on a common prefix. */
    public static final Comparator<TicketLeaf> CANONICAL_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.ticketId.getBytes(StandardCharsets.UTF_8), b.ticketId.getBytes(StandardCharsets.UTF_8));

    public record Line(String betType, String selection, long stakeMinor) {
        public Line {
            Objects.requireNonNull(betType, "betType");
            Objects.requireNonNull(selection, "selection");
            if (stakeMinor <= 0) {
                throw new IllegalArgumentException("a line's stake is positive");
            }
        }
    }

    public TicketLeaf {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(drawId, "drawId");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        if (pricePaidMinor < 0 || lines.isEmpty()) {
            throw new IllegalArgumentException("a ticket has lines and a non-negative price");
        }
    }

    public byte[] bytes() {
        Encoding leaf = new Encoding().str(DOMAIN).str(ticketId).str(drawId).str(currency).u64(pricePaidMinor).u32(lines.size());
        for (Line line : lines) {
            leaf.str(line.betType()).str(line.selection()).u64(line.stakeMinor());
        }
        return leaf.bytes();
    }
}
