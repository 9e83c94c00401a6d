package io.fairdraw.betting.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.betting.BettingViews;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.snapstart.RestoreAware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Before a SnapStart snapshot, reads a purchase's body and writes its receipt once, with made-up
 * values and no I/O, so the snapshot holds Jackson's serialisers for both: the first purchase
 * after a restore does not build them. Nothing it made is kept.
 */
@ApplicationScoped
public class PurchasePriming implements RestoreAware {
    private static final String DRAW = "4d-jakarta-20310101T2100";

    private final ObjectMapper json;

    @Inject
    public PurchasePriming(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void prime() {
        try {
            json.readValue("{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\",\"stake\":100000}]}", TicketBodies.TicketBody.class);
            Ticket ticket = new Ticket(new TicketId(DRAW + "." + "0".repeat(32)), PlayerId.derive("https://priming.invalid", "priming"),
                    "4d-jakarta", 1, "IDR", List.of(new PricedLine("FOUR_D", "1234", 100_000, 66_000, OptionalLong.of(300_000_000), 300_000_000,
                            3_000_000, 3400)), Instant.EPOCH);
            Instant drawTime = Instant.parse("2031-01-01T14:00:00Z");
            Draw draw = new Draw(DRAW, "4d-jakarta", "IDR", drawTime, drawTime.minusSeconds(900), drawTime.minusSeconds(780),
                    new Beacon(Beacon.LOCAL_CHAIN, 1), "00".repeat(32), DrawStatus.OPEN, Optional.empty(), Optional.empty());
            json.writeValueAsString(BettingViews.TicketView.of(ticket, draw));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("priming the purchase's JSON failed", e);
        }
    }

    @Override
    public void restored() {
        // Serialisers hold no time-sensitive state.
    }
}
