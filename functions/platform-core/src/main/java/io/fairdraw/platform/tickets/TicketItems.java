package io.fairdraw.platform.tickets;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.dynamo.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract of the tickets table between betting, which writes tickets, and draw, which
 * seals them: the partition of a draw's shard and the attributes that make a ticket's Merkle
 * leaf. It lives here because one function never imports another.
 */
public final class TicketItems {
    /** Ticket shards per draw: a draw's tickets spread over this many partitions. */
    public static final int SHARDS = 16;
    /** The ticket's owner (a player id): the partition key of the {@code by-owner} index; never part of the leaf. */
    public static final String OWNER = Table.TICKETS.index("by-owner").partitionKey();
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String TICKET_ID = Table.Attributes.SORT_KEY;
    private static final String DRAW_ID = "drawId";
    private static final String CURRENCY = "currency";
    private static final String PRICE_PAID = "pricePaidMinor";
    private static final String LINES = "lines";
    private static final String BET_TYPE = "betType";
    private static final String SELECTION = "selection";
    private static final String STAKE = "stakeMinor";

    private TicketItems() {
    }

    /** The partition key of one shard of a draw's tickets. */
    public static String partition(String drawId, int shard) {
        if (shard < 0 || shard >= SHARDS) {
            throw new IllegalArgumentException("a ticket shard is 0.." + (SHARDS - 1));
        }
        return drawId + "#" + String.format("%02d", shard);
    }

    public static String partitionKeyName() {
        return PK;
    }

    /** The leaf attributes of a ticket item in the given shard (betting adds its own attributes beside them). */
    public static Map<String, AttributeValue> leafItem(TicketLeaf leaf, int shard) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(partition(leaf.drawId(), shard)));
        item.put(TICKET_ID, AttributeValue.fromS(leaf.ticketId()));
        item.put(DRAW_ID, AttributeValue.fromS(leaf.drawId()));
        item.put(CURRENCY, AttributeValue.fromS(leaf.currency()));
        item.put(PRICE_PAID, AttributeValue.fromN(Long.toString(leaf.pricePaidMinor())));
        item.put(LINES, AttributeValue.fromL(leaf.lines().stream().map(line -> AttributeValue.fromM(Map.of(
                BET_TYPE, AttributeValue.fromS(line.betType()),
                SELECTION, AttributeValue.fromS(line.selection()),
                STAKE, AttributeValue.fromN(Long.toString(line.stakeMinor()))))).toList()));
        return item;
    }

    public static TicketLeaf leaf(Map<String, AttributeValue> item) {
        List<TicketLeaf.Line> lines = item.get(LINES).l().stream().map(line -> new TicketLeaf.Line(line.m().get(BET_TYPE).s(),
                line.m().get(SELECTION).s(), Long.parseLong(line.m().get(STAKE).n()))).toList();
        return new TicketLeaf(item.get(TICKET_ID).s(), item.get(DRAW_ID).s(), item.get(CURRENCY).s(),
                Long.parseLong(item.get(PRICE_PAID).n()), lines);
    }
}
