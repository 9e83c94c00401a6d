package io.fairdraw.platform.tickets;

import io.fairdraw.platform.dynamo.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract of the bet-lines table between betting, which files every line of a ticket for
 * settlement, and payout, which reads only the winning ones. Fixed-odds lines are filed under
 * {@code <draw>#<betType>#<selection>#<shard>}, so a draw's winners are a handful of queries;
 * lotto lines under {@code <draw>#LOTTO#<shard>}, read whole to count matches.
 */
public final class BetLineItems {
    public static final String LOTTO = "LOTTO";
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String TICKET_ID = "ticketId";
    private static final String OWNER = "owner";
    private static final String BET_TYPE = "betType";
    private static final String SELECTION = "selection";
    private static final String STAKE = "stakeMinor";
    private static final String MULTIPLIER = "multiplierMilli";
    private static final String HOME = "homeCountry";

    private BetLineItems() {
    }

    /**
     * A filed line: its ticket and owner, what settlement needs of the terms it was sold under, and
     * the owner's home country (their residence, which never changes), so that crediting a win
     * needs no read of the player; lines filed before it was recorded have none.
     */
    public record BetLine(String ticketId, String owner, String betType, String selection, long stakeMinor, long multiplierMilli,
            Optional<String> homeCountry) {
        public BetLine(String ticketId, String owner, String betType, String selection, long stakeMinor, long multiplierMilli) {
            this(ticketId, owner, betType, selection, stakeMinor, multiplierMilli, Optional.empty());
        }
    }

    public static String partition(String drawId, String betType, String selection, int shard) {
        String key = LOTTO.equals(betType) ? drawId + "#" + LOTTO : drawId + "#" + betType + "#" + selection;
        return key + "#" + String.format("%02d", shard);
    }

    public static String partitionKeyName() {
        return PK;
    }

    public static Map<String, AttributeValue> item(BetLine line, String drawId, int index, int shard) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(partition(drawId, line.betType(), line.selection(), shard)));
        item.put(SK, AttributeValue.fromS(line.ticketId() + "#" + String.format("%02d", index)));
        item.put(TICKET_ID, AttributeValue.fromS(line.ticketId()));
        item.put(OWNER, AttributeValue.fromS(line.owner()));
        item.put(BET_TYPE, AttributeValue.fromS(line.betType()));
        item.put(SELECTION, AttributeValue.fromS(line.selection()));
        item.put(STAKE, AttributeValue.fromN(Long.toString(line.stakeMinor())));
        item.put(MULTIPLIER, AttributeValue.fromN(Long.toString(line.multiplierMilli())));
        line.homeCountry().ifPresent(country -> item.put(HOME, AttributeValue.fromS(country)));
        return item;
    }

    public static BetLine line(Map<String, AttributeValue> item) {
        return new BetLine(item.get(TICKET_ID).s(), item.get(OWNER).s(), item.get(BET_TYPE).s(), item.get(SELECTION).s(),
                Long.parseLong(item.get(STAKE).n()), Long.parseLong(item.get(MULTIPLIER).n()),
                Optional.ofNullable(item.get(HOME)).map(AttributeValue::s));
    }
}
