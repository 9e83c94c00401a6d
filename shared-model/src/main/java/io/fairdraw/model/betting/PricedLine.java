package io.fairdraw.model.betting;

import io.fairdraw.model.fairness.TicketLeaf;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of a ticket under the terms it is sold under: the canonical selection, the stake,
 * the price after the bet type's discount, the most it can pay in one draw (fixed odds: colok
 * bebas pays per occurrence of its digit, so up to four times; lotto pays a share of a pool,
 * unknown until the draw), and the liability it adds to its selection's budget.
 */
public record PricedLine(String betType, String selection, long stakeMinor, long priceMinor, OptionalLong potentialWinMinor,
        long liabilityMinor, long multiplierMilli, int discountBasisPoints) {

    public PricedLine {
        Objects.requireNonNull(betType, "betType");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(potentialWinMinor, "potentialWinMinor");
        if (stakeMinor <= 0 || priceMinor < 0 || priceMinor > stakeMinor || liabilityMinor < 0) {
            throw new IllegalArgumentException("a line has a positive stake, a price within it and a non-negative liability");
        }
    }

    /** The line as it enters the ticket's Merkle leaf (SPEC §3): bet type, selection and stake. */
    public TicketLeaf.Line leafLine() {
        return new TicketLeaf.Line(betType, selection, stakeMinor);
    }

    /** Whether the line draws on a liability budget: fixed-odds lines do, lotto lines do not. */
    public boolean hasLiability() {
        return liabilityMinor > 0;
    }
}
