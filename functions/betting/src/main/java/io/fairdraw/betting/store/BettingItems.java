package io.fairdraw.betting.store;

import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.tickets.BetLineItems;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Betting's own items beside the tickets (whose mapper is the platform's {@code TicketItems}): the
 * liability budgets of selections, the only place their attribute names appear, and the filing of
 * a ticket's lines for settlement ({@link BetLineItems}).
 */
final class BettingItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String EXPOSURE = "exposureMinor";
    private static final String LIMIT = "limitMinor";

    private BettingItems() {
    }

    /** A line filed for settlement ({@link BetLineItems}). */
    static Map<String, AttributeValue> lineItem(Ticket ticket, int index, PricedLine line, int shard, String homeCountry) {
        return BetLineItems.item(new BetLineItems.BetLine(ticket.id().value(), ticket.owner().value(), line.betType(), line.selection(),
                line.stakeMinor(), line.multiplierMilli(), java.util.Optional.of(homeCountry)), ticket.id().drawId(), index, shard);
    }

    static Map<String, AttributeValue> budgetKey(String drawId, String betType, String selection, int budgetShard) {
        return Map.of(PK, AttributeValue.fromS(drawId + "#" + betType + "#" + selection + "#" + budgetShard));
    }

    static String limit() {
        return LIMIT;
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
