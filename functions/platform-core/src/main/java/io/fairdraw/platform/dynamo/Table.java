package io.fairdraw.platform.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Every DynamoDB table of the platform, defined once. Tests and local runs create tables from
 * these definitions and Terraform declares the same keys, so the shapes cannot drift apart.
 * Keys are generic ({@code pk}, {@code sk}) because each table holds one aggregate whose mapper
 * owns the key format.
 */
public enum Table {
    /** One item per player, keyed by player id. Owned by registration. */
    PLAYERS("players", false, Optional.empty(), true),
    /** Answers remembered per (caller, route, Idempotency-Key) for 24 hours. Shared by every POST that moves money. */
    IDEMPOTENCY("idempotency", false, Optional.of(Attributes.EXPIRES_AT), false),
    /**
     * Responsible-gambling window counters (deposits, net loss) per player, window and start
     * date. Updated only through platform's ComplianceGuard, inside the transaction of the
     * deposit, bet or win it counts; so wallet, betting and payout write it, each through the
     * same rule.
     */
    LIMIT_COUNTERS("limit-counters", true, Optional.of(Attributes.EXPIRES_AT), false),
    /** Each player's responsible-gambling settings (limits, reminders), keyed by player id. Owned by registration. */
    PLAYER_SAFETY("player-safety", false, Optional.empty(), true),
    /** Every change of a player's standing or settings, keyed by player id and time. Owned by registration; never edited. */
    PLAYER_HISTORY("player-history", true, Optional.empty(), true),
    /** Ledger accounts: balance and version per account id. Written only through platform's Ledger. */
    ACCOUNTS("accounts", false, Optional.empty(), true),
    /** Ledger postings per account, time-ordered, for statements and reconciliation. Written only through the Ledger. */
    POSTINGS("postings", true, Optional.empty(), false),
    /** Immutable transfers keyed by their deterministic id: the ledger's journal. Written only through the Ledger. */
    TRANSFERS("transfers", false, Optional.empty(), true),
    /** Deposits started through a payment provider, keyed by deposit id. Owned by wallet. */
    DEPOSITS("deposits", false, Optional.empty(), true),
    /** Withdrawals requested by players, keyed by withdrawal id; its stream publishes WithdrawalRequested. Owned by wallet. */
    WITHDRAWALS("withdrawals", false, Optional.empty(), true),
    /** The cards and accounts a player deposited from, where withdrawals may go back to. Owned by wallet. */
    PAYMENT_INSTRUMENTS("payment-instruments", true, Optional.empty(), true),
    /**
     * Draws by id: lifecycle, commitment, seal, and after the draw the seed, beacon and numbers;
     * index {@code by-game} lists a game's draws by draw time. Owned by draw; its stream publishes the Draw* events.
     */
    DRAWS("draws", false, Optional.empty(), true, new Index("by-game", "gameId", "drawTime")),
    /** A draw's sales gate, sharded so no ticket purchase contends on one partition: pk draw id # shard, sk shard. Owned by draw; betting condition-checks it. */
    DRAW_GATES("draw-gates", true, Optional.empty(), false),
    /**
     * Tickets by draw shard: pk draw id # shard, sk ticket id; index {@code by-owner} lists a
     * player's tickets newest first. Owned by betting; draw reads it with ConsistentRead to seal.
     */
    TICKETS("tickets", true, Optional.empty(), true, new Index("by-owner", "owner", "ownerSort")),
    /** A ticket's lines keyed for settlement: pk draw id # bet type # selection # shard, sk ticket id # line. Owned by betting. */
    BET_LINES("bet-lines", true, Optional.empty(), false),
    /** Liability budgets: what a draw's selection could pay out, per budget shard, kept within its limit. Owned by betting. */
    LIABILITY("liability", false, Optional.empty(), true),
    /**
     * A sealed draw's Merkle tree in chunks of leaf hashes (pk draw id, sk {@code chunk#n}) and
     * its summary (sk {@code tree}: progress while sealing, chunk roots and first ticket ids
     * after), so a seal resumes where it stopped and a proof reads two items. Owned by draw.
     */
    SEAL_TREES("seal-trees", true, Optional.empty(), false),
    /**
     * Settlement of a draw: pk draw id; sk {@code plan} (sales, lotto shares, parts), {@code part#nn}
     * (a part's payouts, once), {@code ticket#<id>} (a ticket's win or refund, once, in the
     * transaction that credits it). Owned by payout; betting reads a ticket's result; its stream
     * publishes WinningsCredited.
     */
    SETTLEMENTS("settlements", true, Optional.empty(), true),
    /** A player's saved line sets, one item per player (so the cap on their number is exact). Owned by betting. */
    FAVOURITES("favourites", false, Optional.empty(), false),
    /**
     * Versions of the game and jurisdiction catalogues under change control: pk kind ({@code games},
     * {@code jurisdictions}), sk version; each proposed, then approved or rejected by a second
     * operator, and in force from its stated time. Written by the back office; read by every
     * function that applies a catalogue.
     */
    CONFIG_VERSIONS("config-versions", true, Optional.empty(), true);

    /** Attribute names that the table definitions themselves depend on. */
    public static final class Attributes {
        public static final String PARTITION_KEY = "pk";
        public static final String SORT_KEY = "sk";
        public static final String EXPIRES_AT = "expiresAt";

        private Attributes() {
        }
    }

    private final String logicalName;
    private final boolean hasSortKey;
    private final Optional<String> ttlAttribute;
    private final boolean streamed;
    private final List<Index> indexes;

    /** A global secondary index with string keys, projecting every attribute. */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    Table(String logicalName, boolean hasSortKey, Optional<String> ttlAttribute, boolean streamed, Index... indexes) {
        this.logicalName = logicalName;
        this.hasSortKey = hasSortKey;
        this.ttlAttribute = ttlAttribute;
        this.streamed = streamed;
        this.indexes = List.of(indexes);
    }

    public List<Index> indexes() {
        return indexes;
    }

    /** The index of this table with the given name. */
    public Index index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(logicalName + " has no index " + name));
    }

    public String logicalName() {
        return logicalName;
    }

    /** The name used when configuration sets none: local runs and tests. */
    public String defaultName() {
        return "fairdraw-" + logicalName;
    }

    public boolean hasSortKey() {
        return hasSortKey;
    }

    public Optional<String> ttlAttribute() {
        return ttlAttribute;
    }

    public boolean streamed() {
        return streamed;
    }

    public CreateTableRequest createRequest(String physicalName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(stringAttribute(Attributes.PARTITION_KEY));
        keys.add(KeySchemaElement.builder().attributeName(Attributes.PARTITION_KEY).keyType(KeyType.HASH).build());
        if (hasSortKey) {
            attributes.add(stringAttribute(Attributes.SORT_KEY));
            keys.add(KeySchemaElement.builder().attributeName(Attributes.SORT_KEY).keyType(KeyType.RANGE).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(physicalName)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (Index index : indexes) {
                attributes.add(stringAttribute(index.partitionKey()));
                attributes.add(stringAttribute(index.sortKey()));
                gsis.add(GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(KeySchemaElement.builder().attributeName(index.partitionKey()).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(index.sortKey()).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build());
            }
            request.attributeDefinitions(attributes).globalSecondaryIndexes(gsis);
        }
        if (streamed) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                    .build());
        }
        return request.build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
