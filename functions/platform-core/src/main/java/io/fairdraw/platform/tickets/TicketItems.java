package io.fairdraw.platform.tickets;

import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tickets table's one mapper: the only place its attribute names are written. Betting writes
 * tickets and reads them back, draw seals their leaves, payout refunds them to their owners;
 * each goes through here, because one function never imports another.
 *
 * <p>An item is a sold ticket: its leaf (SPEC §3: id, draw, currency, price paid and each line's
 * bet type, selection and stake), and beside it what the leaf leaves out: the owner (the
 * {@code by-owner} index), the game version, the purchase time and each line's terms, kept in
 * the line's own map so a line and its terms are read together.
 */
public final class TicketItems {
    /**
     * Ticket shards per draw: a draw's tickets, its sales gates and each selection's bet lines
     * spread over this many partition keys. At 10,000 tickets a second on one draw, each key
     * takes about 156 writes a second, 312 write units: under 40% of DynamoDB's 1,000 per
     * partition (docs/performance.md, "Scale on paper").
     */
    public static final int SHARDS = 64;
    /** The index of a player's tickets, newest first. */
    public static final Table.Index BY_OWNER = Table.TICKETS.index("by-owner");
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String TICKET_ID = Table.Attributes.SORT_KEY;
    private static final String OWNER = BY_OWNER.partitionKey();
    private static final String OWNER_SORT = BY_OWNER.sortKey();
    private static final String DRAW_ID = "drawId";
    private static final String CURRENCY = "currency";
    private static final String PRICE_PAID = "pricePaidMinor";
    private static final String LINES = "lines";
    private static final String BET_TYPE = "betType";
    private static final String SELECTION = "selection";
    private static final String STAKE = "stakeMinor";
    private static final String GAME = "gameId";
    private static final String GAME_VERSION = "gameVersion";
    private static final String PURCHASED_AT = "purchasedAtMillis";
    private static final String PRICE = "priceMinor";
    private static final String WIN = "potentialWinMinor";
    private static final String LIABILITY = "liabilityMinor";
    private static final String MULTIPLIER = "multiplierMilli";
    private static final String DISCOUNT = "discountBasisPoints";

    private TicketItems() {
    }

    /** The partition key of one shard of a draw's tickets. */
    public static String partition(String drawId, int shard) {
        if (shard < 0 || shard >= SHARDS) {
            throw new IllegalArgumentException("a ticket shard is 0.." + (SHARDS - 1));
        }
        return drawId + "#" + String.format("%02d", shard);
    }

    /** The shard a ticket is filed in. */
    public static int shardOf(TicketId id) {
        return id.shard(SHARDS);
    }

    public static String partitionKeyName() {
        return PK;
    }

    /** The key of a ticket's item. */
    public static Map<String, AttributeValue> key(TicketId id) {
        return Map.of(PK, AttributeValue.fromS(partition(id.drawId(), shardOf(id))), TICKET_ID, AttributeValue.fromS(id.value()));
    }

    /** The condition that the ticket's item does not exist yet. */
    public static String isNew() {
        return "attribute_not_exists(" + PK + ")";
    }

    /** The item of a sold ticket, stamped with who sold it in which request. */
    public static Map<String, AttributeValue> item(Ticket ticket, AuditStamp stamp) {
        TicketLeaf leaf = ticket.leaf();
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(key(ticket.id()));
        item.put(DRAW_ID, AttributeValue.fromS(leaf.drawId()));
        item.put(CURRENCY, AttributeValue.fromS(leaf.currency()));
        item.put(PRICE_PAID, number(leaf.pricePaidMinor()));
        item.put(LINES, AttributeValue.fromL(ticket.lines().stream().map(TicketItems::line).toList()));
        item.put(OWNER, AttributeValue.fromS(ticket.owner().value()));
        item.put(OWNER_SORT, AttributeValue.fromS(ownerSort(ticket.purchasedAt(), ticket.id())));
        item.put(GAME, AttributeValue.fromS(ticket.gameId()));
        item.put(GAME_VERSION, number(ticket.gameVersion()));
        item.put(PURCHASED_AT, number(ticket.purchasedAt().toEpochMilli()));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return item;
    }

    /** The sold ticket an item holds. */
    public static Ticket ticket(Map<String, AttributeValue> item) {
        TicketId id = new TicketId(item.get(TICKET_ID).s());
        List<PricedLine> lines = item.get(LINES).l().stream().map(line -> {
            Map<String, AttributeValue> l = line.m();
            OptionalLong win = l.containsKey(WIN) ? OptionalLong.of(Long.parseLong(l.get(WIN).n())) : OptionalLong.empty();
            return new PricedLine(l.get(BET_TYPE).s(), l.get(SELECTION).s(), Long.parseLong(l.get(STAKE).n()),
                    Long.parseLong(l.get(PRICE).n()), win, Long.parseLong(l.get(LIABILITY).n()), Long.parseLong(l.get(MULTIPLIER).n()),
                    Integer.parseInt(l.get(DISCOUNT).n()));
        }).toList();
        return new Ticket(id, owner(item), item.get(GAME).s(), Integer.parseInt(item.get(GAME_VERSION).n()), item.get(CURRENCY).s(),
                lines, Instant.ofEpochMilli(Long.parseLong(item.get(PURCHASED_AT).n())));
    }

    /** The Merkle leaf of a ticket's item: only what the draw seals. */
    public static TicketLeaf leaf(Map<String, AttributeValue> item) {
        List<TicketLeaf.Line> lines = item.get(LINES).l().stream().map(line -> new TicketLeaf.Line(line.m().get(BET_TYPE).s(),
                line.m().get(SELECTION).s(), Long.parseLong(line.m().get(STAKE).n()))).toList();
        return new TicketLeaf(item.get(TICKET_ID).s(), item.get(DRAW_ID).s(), item.get(CURRENCY).s(),
                Long.parseLong(item.get(PRICE_PAID).n()), lines);
    }

    /** Who holds the ticket of an item. */
    public static PlayerId owner(Map<String, AttributeValue> item) {
        return new PlayerId(item.get(OWNER).s());
    }

    /** Newest first in the owner index: zero-padded purchase millis, then the id to keep keys unique. */
    public static String ownerSort(Instant purchasedAt, TicketId id) {
        return String.format("%015d", purchasedAt.toEpochMilli()) + "#" + id.value();
    }

    /** The position in the owner index a page of the owner's tickets starts after (its {@code ExclusiveStartKey}). */
    public static Map<String, AttributeValue> ownerPosition(PlayerId owner, String ownerSort) {
        TicketId id = new TicketId(ownerSort.substring(ownerSort.indexOf('#') + 1));
        Map<String, AttributeValue> start = new HashMap<>(key(id));
        start.put(OWNER, AttributeValue.fromS(owner.value()));
        start.put(OWNER_SORT, AttributeValue.fromS(ownerSort));
        return start;
    }

    /** The owner-index position of an item, as a page's last key names it. */
    public static String ownerSortOf(Map<String, AttributeValue> key) {
        return key.get(OWNER_SORT).s();
    }

    private static AttributeValue line(PricedLine line) {
        Map<String, AttributeValue> l = new HashMap<>();
        l.put(BET_TYPE, AttributeValue.fromS(line.betType()));
        l.put(SELECTION, AttributeValue.fromS(line.selection()));
        l.put(STAKE, number(line.stakeMinor()));
        l.put(PRICE, number(line.priceMinor()));
        line.potentialWinMinor().ifPresent(win -> l.put(WIN, number(win)));
        l.put(LIABILITY, number(line.liabilityMinor()));
        l.put(MULTIPLIER, number(line.multiplierMilli()));
        l.put(DISCOUNT, number(line.discountBasisPoints()));
        return AttributeValue.fromM(l);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
