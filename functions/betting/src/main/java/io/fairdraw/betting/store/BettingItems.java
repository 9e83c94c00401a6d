package io.fairdraw.betting.store;

import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.tickets.BetLineItems;
import io.fairdraw.platform.tickets.TicketItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place the attribute names of betting's items appear (the leaf's come from {@link TicketItems}). */
final class BettingItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String SK = Table.Attributes.SORT_KEY;
    static final Table.Index BY_OWNER = Table.TICKETS.index("by-owner");
    static final String EXPOSURE = "exposureMinor";
    private static final String GAME = "gameId";
    private static final String GAME_VERSION = "gameVersion";
    private static final String PURCHASED_AT = "purchasedAtMillis";
    private static final String TERMS = "terms";
    private static final String PRICE = "priceMinor";
    private static final String WIN = "potentialWinMinor";
    private static final String LIABILITY = "liabilityMinor";
    private static final String MULTIPLIER = "multiplierMilli";
    private static final String DISCOUNT = "discountBasisPoints";
    private static final String LIMIT = "limitMinor";

    private BettingItems() {
    }

    static Map<String, AttributeValue> ticketItem(Ticket ticket, int shard, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(TicketItems.leafItem(ticket.leaf(), shard));
        item.put(BY_OWNER.partitionKey(), AttributeValue.fromS(ticket.owner().value()));
        item.put(BY_OWNER.sortKey(), AttributeValue.fromS(ownerSort(ticket.purchasedAt(), ticket.id())));
        item.put(GAME, AttributeValue.fromS(ticket.gameId()));
        item.put(GAME_VERSION, number(ticket.gameVersion()));
        item.put(PURCHASED_AT, number(ticket.purchasedAt().toEpochMilli()));
        item.put(TERMS, AttributeValue.fromL(ticket.lines().stream().map(BettingItems::terms).toList()));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return item;
    }

    static Ticket ticket(Map<String, AttributeValue> item) {
        var leaf = TicketItems.leaf(item);
        List<AttributeValue> terms = item.get(TERMS).l();
        List<PricedLine> lines = new ArrayList<>();
        for (int i = 0; i < leaf.lines().size(); i++) {
            var line = leaf.lines().get(i);
            Map<String, AttributeValue> t = terms.get(i).m();
            OptionalLong win = t.containsKey(WIN) ? OptionalLong.of(Long.parseLong(t.get(WIN).n())) : OptionalLong.empty();
            lines.add(new PricedLine(line.betType(), line.selection(), line.stakeMinor(), Long.parseLong(t.get(PRICE).n()), win,
                    Long.parseLong(t.get(LIABILITY).n()), Long.parseLong(t.get(MULTIPLIER).n()), Integer.parseInt(t.get(DISCOUNT).n())));
        }
        return new Ticket(new TicketId(leaf.ticketId()), new PlayerId(item.get(BY_OWNER.partitionKey()).s()), item.get(GAME).s(),
                Integer.parseInt(item.get(GAME_VERSION).n()), leaf.currency(), lines,
                Instant.ofEpochMilli(Long.parseLong(item.get(PURCHASED_AT).n())));
    }

    /** Newest first in the owner index: zero-padded purchase millis, then the id to keep keys unique. */
    static String ownerSort(Instant purchasedAt, TicketId id) {
        return String.format("%015d", purchasedAt.toEpochMilli()) + "#" + id.value();
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

    private static AttributeValue terms(PricedLine line) {
        Map<String, AttributeValue> terms = new HashMap<>();
        terms.put(PRICE, number(line.priceMinor()));
        line.potentialWinMinor().ifPresent(win -> terms.put(WIN, number(win)));
        terms.put(LIABILITY, number(line.liabilityMinor()));
        terms.put(MULTIPLIER, number(line.multiplierMilli()));
        terms.put(DISCOUNT, number(line.discountBasisPoints()));
        return AttributeValue.fromM(terms);
    }
}
