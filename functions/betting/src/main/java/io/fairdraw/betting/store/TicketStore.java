package io.fairdraw.betting.store;

import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.tickets.TicketItems;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Tickets, their settlement lines and the liability budgets of their selections. The write
 * side builds transaction actions (the purchase puts them into one transaction); the read side
 * finds a ticket by id and lists an owner's tickets newest first.
 */
@ApplicationScoped
public class TicketStore {
    /**
     * Budget shards per selection: a popular number's exposure spreads over this many items, each
     * holding an even share of the selection's limit. At 10,000 tickets a second all on one
     * number each shard takes about 156 updates a second, 312 write units: under 40% of
     * DynamoDB's 1,000 per partition (docs/performance.md, "Scale on paper"). The price is the
     * largest line a selection accepts: its liability must fit one shard's share.
     */
    public static final int BUDGET_SHARDS = 64;
    /** Refusing budget shards remembered per execution environment before the memory starts again. */
    static final int MAX_REMEMBERED = 10_000;
    public static final int MAX_PAGE_SIZE = 100;
    private static final String CURSOR_VERSION = "v1:";
    private static final Pattern OWNER_SORT = Pattern.compile("[0-9]{15}#[A-Za-z0-9.-]{1,120}");

    /** One page of a player's tickets and the cursor of the next, if any. */
    public record Page(List<Ticket> tickets, Optional<String> next) {
    }

    private final DynamoDbClient dynamo;
    private final String tickets;
    private final String lines;
    private final String liability;
    /**
     * The exposure each budget shard was last seen at when it refused a line, by shard and share.
     * Exposure only grows while a draw is on sale, so a line that could not fit then cannot fit
     * now: it is refused without a write. A hot number, once sold out, then costs its budget
     * items no more write capacity from this execution environment.
     */
    private final Map<String, Long> exposureSeen = new ConcurrentHashMap<>();

    public TicketStore(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tickets = tables.tickets();
        this.lines = tables.betLines();
        this.liability = tables.liability();
    }

    public static int shardOf(TicketId id) {
        return TicketItems.shardOf(id);
    }

    /** The ticket, written only if its id is new. */
    public TransactWriteItem newTicket(Ticket ticket, AuditStamp stamp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tickets)
                .item(TicketItems.item(ticket, stamp)).conditionExpression(TicketItems.isNew()).build()).build();
    }

    /** One settlement line per ticket line, with the owner's home country (settlement credits wins without reading the player). */
    public List<TransactWriteItem> settlementLines(Ticket ticket, String homeCountry) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < ticket.lines().size(); i++) {
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName(lines)
                    .item(BettingItems.lineItem(ticket, i, ticket.lines().get(i), shardOf(ticket.id()), homeCountry)).build()).build());
        }
        return actions;
    }

    /** A liability budget's share of the selection's limit: the limit split evenly, the remainder to the first shards. */
    public static long shareOf(long limitMinor, int budgetShard) {
        return limitMinor / BUDGET_SHARDS + (budgetShard < limitMinor % BUDGET_SHARDS ? 1 : 0);
    }

    /**
     * Adds a line's liability to its selection's budget shard on condition that the shard stays
     * within its share of the limit. Returns empty when the liability alone exceeds the share:
     * the purchase is refused before any write.
     */
    public Optional<TransactWriteItem> budget(String drawId, PricedLine line, int budgetShard, long limitMinor) {
        long share = shareOf(limitMinor, budgetShard);
        long headroom = share - line.liabilityMinor();
        if (headroom < 0 || exposureSeen.getOrDefault(seenKey(drawId, line, budgetShard, share), Long.MIN_VALUE) > headroom) {
            return Optional.empty();
        }
        return Optional.of(TransactWriteItem.builder().update(Update.builder().tableName(liability)
                .key(BettingItems.budgetKey(drawId, line.betType(), line.selection(), budgetShard))
                .updateExpression("SET #limit = :share ADD #exposure :liability")
                .conditionExpression("attribute_not_exists(#exposure) OR #exposure <= :headroom")
                .expressionAttributeNames(Map.of("#exposure", BettingItems.EXPOSURE, "#limit", BettingItems.limit()))
                .expressionAttributeValues(Map.of(":share", BettingItems.number(share),
                        ":liability", BettingItems.number(line.liabilityMinor()),
                        ":headroom", BettingItems.number(headroom)))
                .build()).build());
    }

    /**
     * Remembers the exposure of the budget shard that just refused {@code line}, read after the
     * refusal, so that later lines it cannot hold are refused before they are written.
     */
    public void refusedBy(String drawId, PricedLine line, int budgetShard, long limitMinor) {
        if (exposureSeen.size() >= MAX_REMEMBERED) {
            exposureSeen.clear();
        }
        var item = dynamo.getItem(b -> b.tableName(liability).key(BettingItems.budgetKey(drawId, line.betType(), line.selection(), budgetShard)))
                .item();
        if (item != null && item.containsKey(BettingItems.EXPOSURE)) {
            exposureSeen.merge(seenKey(drawId, line, budgetShard, shareOf(limitMinor, budgetShard)),
                    Long.parseLong(item.get(BettingItems.EXPOSURE).n()), Math::max);
        }
    }

    private static String seenKey(String drawId, PricedLine line, int budgetShard, long share) {
        return drawId + "#" + line.betType() + "#" + line.selection() + "#" + budgetShard + "@" + share;
    }

    /** What a selection of a draw could pay out, over every budget shard. */
    public long exposure(String drawId, String betType, String selection) {
        long total = 0;
        for (int shard = 0; shard < BUDGET_SHARDS; shard++) {
            int index = shard;
            var item = dynamo.getItem(b -> b.tableName(liability).consistentRead(true)
                    .key(BettingItems.budgetKey(drawId, betType, selection, index))).item();
            total += item == null || !item.containsKey(BettingItems.EXPOSURE) ? 0 : Long.parseLong(item.get(BettingItems.EXPOSURE).n());
        }
        return total;
    }

    public Optional<Ticket> find(TicketId id) {
        var item = dynamo.getItem(b -> b.tableName(tickets).consistentRead(true).key(TicketItems.key(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TicketItems.ticket(item));
    }

    /**
     * The owner's tickets, newest first. The cursor names a position inside the owner's own
     * index partition, so a forged cursor can at worst skip within the caller's own tickets.
     */
    public Page ofOwner(PlayerId owner, Optional<String> cursor, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw io.fairdraw.model.error.ValidationException.of("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Optional<String> after = cursor.map(TicketStore::decode);
        String ownerKey = TicketItems.BY_OWNER.partitionKey();
        QueryResponse response = dynamo.query(b -> {
            b.tableName(tickets).indexName(TicketItems.BY_OWNER.name())
                    .keyConditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", ownerKey))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner.value())))
                    .scanIndexForward(false)
                    .limit(size);
            after.ifPresent(position -> b.exclusiveStartKey(TicketItems.ownerPosition(owner, position)));
        });
        List<Ticket> page = response.items().stream().map(TicketItems::ticket).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(encode(TicketItems.ownerSortOf(response.lastEvaluatedKey())))
                : Optional.empty();
        return new Page(page, next);
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_VERSION + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_VERSION) && OWNER_SORT.matcher(text.substring(CURSOR_VERSION.length())).matches()) {
                String position = text.substring(CURSOR_VERSION.length());
                new TicketId(position.substring(position.indexOf('#') + 1));
                return position;
            }
        } catch (IllegalArgumentException | DomainException notOurs) {
            // Falls through to the refusal below.
        }
        throw new DomainException(ErrorType.INVALID_CURSOR, "use the cursor a previous page returned");
    }
}
