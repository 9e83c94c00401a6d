package io.fairdraw.platform.draws;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place the attribute names of draw and gate items appear. */
public final class DrawItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String SK = Table.Attributes.SORT_KEY;
    static final String STATUS = "status";
    static final String TERMS_VERSION = "termsVersion";
    static final String SEALED_SEED = "sealedSeed";
    static final String LEAF_COUNT = "leafCount";
    static final String TOTAL_STAKE = "totalStakeMinor";
    static final String ROOT = "root";
    static final String HEADER_HASH = "headerHash";
    static final String SEED = "seed";
    static final String SIGNATURE = "beaconSignature";
    static final String PREVIOUS_SIGNATURE = "beaconPreviousSignature";
    static final String RANDOMNESS = "beaconRandomness";
    static final String NUMBERS = "numbers";
    static final String SALES = "salesMinor";
    static final String PAYOUTS = "payoutsMinor";
    static final String GGR = "ggrMinor";
    static final String VOID_REASON = "voidReason";
    static final String GAME = "gameId";
    private static final String CURRENCY = "currency";
    static final String DRAW_TIME = "drawTime";
    private static final String CUT_OFF = "cutOff";
    static final String CUT_OFF_MILLIS = "cutOffMillis";
    private static final String SEAL_DEADLINE = "sealDeadline";
    private static final String CHAIN = "beaconChain";
    private static final String ROUND = "beaconRound";
    private static final String COMMITMENT = "commitment";

    private DrawItems() {
    }

    static Map<String, AttributeValue> key(String drawId) {
        return Map.of(PK, AttributeValue.fromS(drawId));
    }

    /**
     * One gate shard, a partition key of its own: every purchase condition-checks its shard, so
     * shards under one draw's key would put the draw's whole sale on one partition.
     */
    public static Map<String, AttributeValue> gateKey(String drawId, int shard) {
        String number = String.format("%02d", shard);
        return Map.of(PK, AttributeValue.fromS(drawId + "#" + number), SK, AttributeValue.fromS(number));
    }

    /** An open gate shard; it carries the cut-off (epoch milliseconds) so a ticket's condition can name both. */
    static Map<String, AttributeValue> openGate(Draw draw, int shard) {
        Map<String, AttributeValue> gate = new HashMap<>(gateKey(draw.id(), shard));
        gate.put(STATUS, AttributeValue.fromS(DrawStatus.OPEN.name()));
        gate.put(CUT_OFF_MILLIS, AttributeValue.fromN(Long.toString(draw.cutOff().toEpochMilli())));
        return gate;
    }

    static Map<String, AttributeValue> opened(Draw draw, byte[] sealedSeed) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(draw.id()));
        item.put(GAME, AttributeValue.fromS(draw.gameId()));
        item.put(CURRENCY, AttributeValue.fromS(draw.currency()));
        item.put(DRAW_TIME, AttributeValue.fromS(draw.drawTime().toString()));
        item.put(CUT_OFF, AttributeValue.fromS(draw.cutOff().toString()));
        item.put(SEAL_DEADLINE, AttributeValue.fromS(draw.sealDeadline().toString()));
        item.put(CHAIN, AttributeValue.fromS(draw.beacon().chainHash()));
        item.put(ROUND, AttributeValue.fromN(Long.toString(draw.beacon().round())));
        item.put(COMMITMENT, AttributeValue.fromS(draw.commitment()));
        item.put(STATUS, AttributeValue.fromS(draw.status().name()));
        item.put(TERMS_VERSION, AttributeValue.fromN(Integer.toString(draw.termsVersion())));
        item.put(SEALED_SEED, AttributeValue.fromB(SdkBytes.fromByteArray(sealedSeed)));
        return item;
    }

    static Draw draw(Map<String, AttributeValue> item) {
        Optional<Draw.Seal> seal = Optional.ofNullable(item.get(ROOT)).map(root -> new Draw.Seal(
                Long.parseLong(item.get(LEAF_COUNT).n()), Long.parseLong(item.get(TOTAL_STAKE).n()), root.s(), item.get(HEADER_HASH).s()));
        Optional<Draw.Outcome> outcome = Optional.ofNullable(item.get(SEED)).map(seed -> new Draw.Outcome(seed.s(),
                item.get(SIGNATURE).s(), Optional.ofNullable(item.get(PREVIOUS_SIGNATURE)).map(AttributeValue::s).orElse(null),
                item.get(RANDOMNESS).s(), item.get(NUMBERS).l().stream().map(n -> Integer.parseInt(n.n())).toList()));
        return new Draw(item.get(PK).s(), item.get(GAME).s(), item.get(CURRENCY).s(), Instant.parse(item.get(DRAW_TIME).s()),
                Instant.parse(item.get(CUT_OFF).s()), Instant.parse(item.get(SEAL_DEADLINE).s()),
                new Beacon(item.get(CHAIN).s(), Long.parseLong(item.get(ROUND).n())), item.get(COMMITMENT).s(),
                DrawStatus.valueOf(item.get(STATUS).s()), seal, outcome,
                Optional.ofNullable(item.get(TERMS_VERSION)).map(v -> Integer.parseInt(v.n())).orElse(0));
    }

    static List<AttributeValue> numbers(List<Integer> numbers) {
        return numbers.stream().map(n -> AttributeValue.fromN(Integer.toString(n))).toList();
    }
}
