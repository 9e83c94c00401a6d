package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.localcloud.FunctionPackage;
import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableBootstrap;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.TestPlayers;
import io.fairdraw.testsupport.TestTables;
import io.fairdraw.testsupport.Tokens;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Bet placement: tickets bought through the betting function's real Lambda handler, against the
 * bare TransactWriteItems of the same items on the same DynamoDB Local. Every DynamoDB call of
 * the function passes a {@link DynamoTap}, which keeps its writes; two baselines then make exactly
 * those writes (same items, same conditions), each to a set of tables of its own that held the
 * same data when the phase began: the SDK baseline as the same {@code TransactWriteItemsRequest}
 * through a DynamoDB client configured as the functions' (the call any Java code makes: marshalling,
 * signing, the URL connection client), and the wire baseline as the captured bytes posted
 * straight to the hop (no SDK at all: the floor). Players' purchases stay in their order; the idempotency claims the
 * transactions depend on are put in place untimed first. The function is warmed up first (its
 * code compiled as in an environment that has served for a while), a thousand tickets at a time
 * on fresh DynamoDB Locals; then each concurrency is
 * measured on a DynamoDB Local of its own holding only the seeded players and draw, on both
 * sides, because DynamoDB Local's transactions slow down as it serves more of them, which would
 * flatter the function.
 */
final class PlacementBench {
    /** The wire baseline's tables. */
    static final String BARE = "bare-";
    /** The SDK baseline's tables. */
    static final String SDK = "sdk-";
    private static final String GAME = "4d-jakarta";
    private static final CurrencyCode IDR = CurrencyCode.of("IDR");
    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final long STAKE = 100_000;
    /** Players funded for the benchmark: the hot-number run's buyers, of whom the first 32 buy at the placement levels. */
    private static final int CROWD = 256;
    /** Warm-up tickets per DynamoDB Local: few enough that its transactions have not yet slowed. */
    private static final int WARM_UP_CHUNK = 1_000;
    /**
     * Warm-up tickets the SDK baseline makes too: its SDK is the benchmark's own copy, not the
     * function's, and is compiled only by its own calls.
     */
    private static final int SDK_WARM_UP = 4_000;

    private final Path root;
    private final Path work;
    private final boolean full;
    private final Random random = new Random(20261204);

    PlacementBench(Path root, Path work, boolean full) {
        this.root = root;
        this.work = work;
        this.full = full;
    }

    ObjectNode run() throws Exception {
        FunctionPackage betting = new FunctionPackage("betting", root.resolve("functions/betting/target/function.zip"),
                work.resolve("functions/betting"), "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", 1024);
        betting.unpack();
        URLClassLoader loader = InProcessFunction.prepare(betting.taskRoot());
        LocalDynamo local = LocalDynamo.shared();
        DynamoDbClient dynamo = local.client();
        IdentityStub identity = new IdentityStub();
        try (DynamoTap tap = new DynamoTap(local.endpoint()); DynamoDbClient sdk = LocalDynamo.clientOf(tap.endpoint())) {
            var tables = TestTables.defaults();
            Transactions transactions = new Transactions(dynamo);
            Ledger ledger = new Ledger(dynamo, transactions, tables);
            Draw draw = open(new Draws(dynamo, transactions, tables), GameFiles.sample());
            List<TestPlayers.TestPlayer> players = new ArrayList<>();
            // 32 buyers for the placement levels; the hot-number run spreads one second's sale over all of them.
            for (int i = 0; i < CROWD; i++) {
                TestPlayers.TestPlayer player = TestPlayers.verified("bench");
                ledger.apply(Transfer.of(TransferKind.DEPOSIT, "bench:" + player.id().value(), AccountId.clearing("bench", IDR),
                        AccountId.wallet(player.id(), IDR), new Money(10_000_000_000_000L, IDR), Instant.now()),
                        new AuditStamp("bench", new RequestId("bench-seed")));
                players.add(player);
            }

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("quarkus.dynamodb.endpoint-override", tap.endpoint().toString());
            settings.put("quarkus.dynamodb.aws.region", LocalDynamo.REGION);
            settings.put("quarkus.dynamodb.aws.credentials.type", "static");
            settings.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", LocalDynamo.ACCESS_KEY);
            settings.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", LocalDynamo.SECRET_KEY);
            settings.putAll(identity.playerPoolSettings());
            settings.put("fairdraw.edge.origin-secret", GatewayEvents.ORIGIN_SECRET);
            settings.put("fairdraw.local.create-tables", "false");
            InProcessFunction function = InProcessFunction.start(loader, settings);
            Map<String, List<Map<String, AttributeValue>>> seeded = contents(dynamo);
            int warmUp = Integer.getInteger("warmup", full ? 16_000 : 12_000);
            Bench.log("placement: warming up with " + warmUp + " tickets");
            for (int done = 0; done < warmUp; done += WARM_UP_CHUNK) {
                int chunk = Math.min(WARM_UP_CHUNK, warmUp - done);
                // The wire baseline's own code (a buffered POST) is warm after the first thousand; the
                // function's calls go through the same hop and DynamoDB Local code as the baselines'.
                Baselines with = new Baselines(done == 0, done < SDK_WARM_UP);
                onFresh(seeded, tap, () -> phase(function, tap, sdk, draw, players, 8, chunk, with, null));
            }

            int[] chosen = System.getProperty("levels") == null ? CONCURRENCY
                    : java.util.Arrays.stream(System.getProperty("levels").split(",")).mapToInt(Integer::parseInt).toArray();
            ArrayNode levels = Results.array();
            for (int concurrency : chosen) {
                int purchases = Integer.getInteger("tickets", full ? concurrency * 100 + 1_000 : concurrency * 20 + 300);
                Bench.log("placement: " + purchases + " tickets at concurrency " + concurrency + " on a fresh DynamoDB Local");
                ObjectNode level = Results.object().put("concurrency", concurrency).put("tickets", purchases);
                onFresh(seeded, tap, () -> phase(function, tap, sdk, draw, players, concurrency, purchases, new Baselines(true, true), level));
                levels.add(level);
            }
            ObjectNode items = Results.object();
            onFresh(seeded, tap, () -> {
                String buyer = Tokens.player(players.get(0).subject());
                items.set("fourLines", PurchaseItems.ofPurchase(function, tap, sdk, purchaseEvent(draw.id(), buyer, ticket())));
                items.set("oneLine", PurchaseItems.ofPurchase(function, tap, sdk,
                        purchaseEvent(draw.id(), buyer, "{\"lines\":[" + line("FOUR_D", Skew.fourD(random)) + "]}")));
            });
            int hotTickets = Integer.getInteger("hotTickets", HotNumber.TICKETS_PER_SECOND);
            Bench.log("placement: a hot number, " + hotTickets + " tickets on 77 from " + players.size() + " players");
            String hotTicket = "{\"lines\":[" + line("TWO_D_BACK", "77") + "," + line("TWO_D_FRONT", "77") + "]}";
            ObjectNode hot = Results.object();
            onFresh(seeded, tap, () -> hot.setAll(HotNumber.run(tap, hotTickets, n -> {
                // A token per purchase: the run outlasts a token's lifetime.
                var answered = function.invoke(purchaseEvent(draw.id(), Tokens.player(players.get(n % players.size()).subject()), hotTicket),
                        Duration.ofSeconds(30));
                try {
                    return answered.isEmpty() ? 0 : Results.JSON.readTree(answered.get()).path("statusCode").asInt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })));
            hot.put("players", players.size());
            ObjectNode result = Results.object();
            result.set("purchaseItems", items);
            result.set("hotNumber", hot);
            result.put("linesPerTicket", 4);
            result.put("warmUpTickets", warmUp);
            result.set("levels", levels);
            return result;
        } finally {
            identity.close();
        }
    }

    /** Work the benchmark runs against a DynamoDB Local of its own, or one side's round of a phase. */
    interface Phase {
        void run() throws Exception;
    }

    /** Which baselines a phase runs beside the function. */
    record Baselines(boolean wire, boolean sdk) {
        boolean any() {
            return wire || sdk;
        }
    }

    /** How a baseline sends one transaction body, once it has prepared them all (outside the clock). */
    interface Sender {
        Transaction prepare(List<List<String>> transactions) throws Exception;
    }

    /** One transaction sent. */
    interface Transaction {
        void send(String body) throws Exception;
    }

    /**
     * Runs {@code phase} with the tap sending to a DynamoDB Local started for it, holding the
     * seeded items in the function's tables and in each baseline's.
     */
    private static void onFresh(Map<String, List<Map<String, AttributeValue>>> seeded, DynamoTap tap, Phase phase) throws Exception {
        try (LocalDynamo fresh = LocalDynamo.startAnother()) {
            for (String prefix : List.of(BARE, SDK)) {
                TableBootstrap.createMissing(fresh.client(), table -> prefix + table.defaultName());
            }
            for (var table : seeded.entrySet()) {
                for (String prefix : List.of("", BARE, SDK)) {
                    Loading.put(fresh.client(), prefix + table.getKey(), table.getValue());
                }
            }
            tap.retarget(fresh.endpoint());
            phase.run();
        }
    }

    /**
     * The function and its baselines at one concurrency, in rounds, so that drift in the machine
     * or in DynamoDB Local's state falls on all alike: in each round the handler buys the round's
     * tickets while each baseline makes the previous round's writes (player by player, in their
     * order, to its own tables, which then hold what the function's held before those writes),
     * the three going in each of their six orders in turn, since a side's place in a round changes
     * how fast DynamoDB Local serves it (a rotation would keep one cyclic order, in which the same
     * baseline always followed the handler). The SDK's requests are built before its clock
     * starts, as the wire's bytes are. Figures into {@code level} (none while warming up, when
     * baselines may be left out).
     */
    private void phase(InProcessFunction function, DynamoTap tap, DynamoDbClient sdk, Draw draw, List<TestPlayers.TestPlayer> players,
            int concurrency, int purchases, Baselines with, ObjectNode level) throws Exception {
        List<TestPlayers.TestPlayer> buyers = players.subList(0, concurrency);
        List<String> tokens = buyers.stream().map(player -> Tokens.player(player.subject())).toList();
        int roundSize = Math.max(concurrency * 5, 50);
        PlacementSide handler = new PlacementSide();
        PlacementSide bare = new PlacementSide();
        PlacementSide viaSdk = new PlacementSide();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        Map<String, Long> calls = new java.util.TreeMap<>();
        List<DynamoTap.Captured> previous = List.of();
        List<List<DynamoTap.Captured>> captured = new ArrayList<>();
        for (int round = 0, done = 0; done < purchases || !previous.isEmpty(); round++, done += roundSize) {
            List<DynamoTap.Captured> writes = previous;
            List<Phase> sides = new ArrayList<>();
            if (done < purchases) {
                List<List<String>> events = new ArrayList<>();
                for (int i = 0; i < concurrency; i++) {
                    events.add(new ArrayList<>());
                }
                for (int n = done; n < Math.min(purchases, done + roundSize); n++) {
                    events.get(n % concurrency).add(purchaseEvent(draw.id(), tokens.get(n % concurrency), ticket()));
                }
                sides.add(() -> {
                    tap.reset();
                    tap.capture(with.any());
                    handler.add(PlacementSide.timed(concurrency, events, event -> {
                        long start = System.nanoTime();
                        var answered = function.invoke(event, java.time.Duration.ofSeconds(30));
                        if (concurrency == 1) {
                            handler.ownTime(start, tap.lastTransaction());
                        }
                        if (answered.isEmpty()) {
                            lost.incrementAndGet();
                            return false;
                        }
                        JsonNode answer = Results.JSON.readTree(answered.get());
                        if (answer.path("statusCode").asInt() != 201 && refused.getAndIncrement() < 3) {
                            Bench.log("placement: a purchase answered " + answer.path("statusCode").asInt() + ": " + answer.path("body").asText());
                        }
                        return true;
                    }), tap);
                    tap.capture(false);
                    tap.calls().forEach((operation, count) -> calls.merge(operation, count, Long::sum));
                    if (with.any()) {
                        captured.add(tap.drain());
                    }
                });
            }
            if (with.sdk() && !writes.isEmpty()) {
                sides.add(() -> baseline(tap, writes, SDK, buyers, viaSdk, transactions -> {
                    Map<String, TransactWriteItemsRequest> requests = new java.util.HashMap<>();
                    for (List<String> mine : transactions) {
                        for (String body : mine) {
                            requests.put(body, WireRequests.transaction(body));
                        }
                    }
                    return body -> sdk.transactWriteItems(requests.get(body));
                }));
            }
            if (with.wire() && !writes.isEmpty()) {
                sides.add(() -> baseline(tap, writes, BARE, buyers, bare, transactions -> body -> tap.send("TransactWriteItems", body)));
            }
            for (Phase side : PlacementSide.ordering(sides, round)) {
                side.run();
            }
            previous = captured.isEmpty() ? List.of() : captured.removeFirst();
        }
        if (level == null) {
            return;
        }
        Latencies h = handler.latencies();
        Latencies s = viaSdk.latencies();
        Latencies b = bare.latencies();
        level.put("refused", refused.get());
        level.put("abandoned", lost.get());
        level.set("handler", PlacementSide.figures(h).put("dynamoTransactionMeanMillis", handler.transactionMillis()));
        level.set("sdk", PlacementSide.figures(s).put("dynamoTransactionMeanMillis", viaSdk.transactionMillis()));
        level.set("bare", PlacementSide.figures(b).put("dynamoTransactionMeanMillis", bare.transactionMillis()));
        level.put("p50Ratio", h.p50() / s.p50());
        level.put("p50RatioToWire", h.p50() / b.p50());
        if (!handler.before.isEmpty()) {
            level.put("functionBeforeTransactionMillis", PlacementSide.median(handler.before));
            level.put("functionAfterTransactionMillis", PlacementSide.median(handler.after));
            // DynamoDB's part held equal: each side's own time plus one transaction time for all.
            List<Long> hops = new ArrayList<>(handler.hops);
            hops.addAll(viaSdk.hops);
            hops.addAll(bare.hops);
            double hop = PlacementSide.median(hops);
            level.put("transactionAtHopMillis", hop);
            double handlerOwn = PlacementSide.median(handler.own);
            double sdkOwn = PlacementSide.median(viaSdk.own);
            double bareOwn = PlacementSide.median(bare.own);
            level.with("handler").put("ownMillis", handlerOwn).put("transactionAtHopMillis", PlacementSide.median(handler.hops));
            level.with("sdk").put("ownMillis", sdkOwn).put("transactionAtHopMillis", PlacementSide.median(viaSdk.hops));
            level.with("bare").put("ownMillis", bareOwn).put("transactionAtHopMillis", PlacementSide.median(bare.hops));
            level.put("p50RatioTransactionHeldEqual", (handlerOwn + hop) / (sdkOwn + hop));
            level.put("p50RatioToWireTransactionHeldEqual", (handlerOwn + hop) / (bareOwn + hop));
        }
        level.put("p99Ratio", h.p99() / s.p99());
        level.put("throughputRatio", h.throughput() / s.throughput());
        level.put("handlerWriteUnitsPerTicket", handler.writeUnits / (purchases - refused.get() - lost.get()));
        level.put("bareWriteUnitsPerTicket", bare.writeUnits / b.count());
        ObjectNode perTicket = Results.object();
        calls.forEach((operation, count) -> perTicket.put(operation, count / (double) purchases));
        level.set("dynamoCallsPerTicket", perTicket);
    }

    /**
     * One baseline's round: the previous round's writes replayed to its tables ({@code prefix}),
     * its transactions prepared by {@code sender}, then sent per buyer on the clock into {@code side}.
     */
    private static void baseline(DynamoTap tap, List<DynamoTap.Captured> writes, String prefix, List<TestPlayers.TestPlayer> buyers,
            PlacementSide side, Sender sender) throws Exception {
        List<List<String>> transactions = BaselineReplay.replay(tap, writes, prefix, buyers);
        Transaction transaction = sender.prepare(transactions);
        tap.reset();
        side.add(PlacementSide.timed(buyers.size(), transactions, body -> {
            long start = System.nanoTime();
            transaction.send(body);
            if (buyers.size() == 1) {
                side.ownTime(start, tap.lastTransaction());
            }
            return true;
        }), tap);
    }

    /** Every item of every table, as seeded: what each fresh DynamoDB Local starts from, on both sides. */
    private static Map<String, List<Map<String, AttributeValue>>> contents(DynamoDbClient dynamo) {
        Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table.defaultName())).items().forEach(items::add);
            if (!items.isEmpty()) {
                tables.put(table.defaultName(), items);
            }
        }
        return tables;
    }

    /** A ticket of four lines on one number, the 4D choice skewed towards popular numbers. */
    private String ticket() {
        String number = Skew.fourD(random);
        return "{\"lines\":[" + line("FOUR_D", number) + "," + line("THREE_D", number.substring(1)) + ","
                + line("TWO_D_BACK", number.substring(2)) + "," + line("TWO_D_FRONT", number.substring(0, 2)) + "]}";
    }

    private static String line(String betType, String selection) {
        return "{\"betType\":\"" + betType + "\",\"selection\":\"" + selection + "\",\"stake\":" + STAKE + "}";
    }

    /** The API Gateway event of a purchase, as the gateway sends it. */
    private static String purchaseEvent(String drawId, String token, String body) {
        return GatewayEvents.http("POST", "/v1/draws/{drawId}/tickets", "/v1/draws/" + drawId + "/tickets", Map.of(
                "authorization", "Bearer " + token, "content-type", "application/json", "idempotency-key", UUID.randomUUID().toString()), body);
    }

    /** An open draw of the 4D game, its sales open for a day, its draw time far ahead. */
    private static Draw open(Draws draws, GameCatalogue catalogue) {
        var game = catalogue.game(GAME).orElseThrow();
        var drawTime = Instant.parse("2031-01-01T14:00:00Z").atZone(game.schedule().zone());
        String drawId = game.schedule().drawId(GAME, drawTime);
        Instant cutOff = Instant.now().plus(Duration.ofDays(1));
        Draw draw = new Draw(drawId, GAME, "IDR", drawTime.toInstant(), cutOff, cutOff.plusSeconds(120), new Beacon(Beacon.LOCAL_CHAIN, 1),
                "00".repeat(32), DrawStatus.OPEN, java.util.Optional.empty(), java.util.Optional.empty());
        draws.open(draw, new byte[32]);
        return draw;
    }
}
