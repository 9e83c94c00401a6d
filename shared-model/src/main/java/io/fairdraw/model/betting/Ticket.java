package io.fairdraw.model.betting;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.id.PlayerId;
import java.time.Instant;
import java.util.List;

/** A sold ticket as stored: its owner, the game version and lines it was sold under, and when. */
public record Ticket(TicketId id, PlayerId owner, String gameId, int gameVersion, String currency, List<PricedLine> lines,
        Instant purchasedAt) {

    public Ticket {
        lines = List.copyOf(lines);
    }

    public long pricePaidMinor() {
        return lines.stream().mapToLong(PricedLine::priceMinor).sum();
    }

    /** The most the ticket can win if every line wins (an upper bound: not every line can win together). */
    public long potentialWinUpToMinor() {
        return lines.stream().mapToLong(line -> line.potentialWinMinor().orElse(0)).sum();
    }

    /** The ticket as a Merkle leaf (SPEC §3): no owner, no terms, only what the draw seals. */
    public TicketLeaf leaf() {
        return new TicketLeaf(id.value(), id.drawId(), currency, pricePaidMinor(), lines.stream().map(PricedLine::leafLine).toList());
    }
}
