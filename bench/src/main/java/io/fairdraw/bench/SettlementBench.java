package io.fairdraw.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.settlement.FixedOddsWins;
import io.fairdraw.payout.Plan;
import io.fairdraw.payout.Settlement;
import io.fairdraw.payout.SettlementStore;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.config.ConfigVersions;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.tickets.BetLineItems;
import io.fairdraw.platform.tickets.TicketItems;
import io.fairdraw.platform.tickets.TicketResults;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.TestPlayers;
import io.fairdraw.testsupport.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settlement of one draw of {@code lines} bet lines, sold with the skew of {@link Skew} and
 * loaded with BatchWriteItem, by payout's own {@link Settlement} (plan, then its 16 parts one after
 * another, as without a parts queue) through a counting client; for fixed odds, then, the
 * full-scan baselines on the same data: every line of the draw read and checked against the result,
 * once paying nobody (the cost of finding the winners by reading everything, a lower bound) and
 * once paying every winning ticket through the same calls settlement makes (like for like). Runs
 * in a JVM of its own with a fresh DynamoDB Local, so the tables hold this draw only.
 */
final class SettlementBench {
    private static final CurrencyCode IDR = CurrencyCode.of("IDR");
    private static final AuditStamp STAMP = new AuditStamp("bench", new RequestId("bench-settlement"));
    private static final int LINES_PER_TICKET = 4;
    private static final long STAKE = 100_000;
    private static final HexFormat HEX = HexFormat.of();
    /** The owners' residence, recorded on each line as betting records it. */
    private static final String HOME = "ID";
    /** The full scan in segments, as a scan of a big table is done (and DynamoDB Local pages a long scan ever more slowly). */
    private static final int SCAN_SEGMENTS = 16;

    private final boolean lotto;
    private final int lines;
    private final Random random = new Random(42);

    SettlementBench(boolean lotto, int lines) {
        this.lotto = lotto;
        this.lines = lines;
    }

    ObjectNode run() throws Exception {
        LocalDynamo local = LocalDynamo.shared();
        DynamoDbClient plain = local.client();
        Counting counting = new Counting();
        DynamoDbClient counted = local.clientWith(counting);
        TableNames tables = TestTables.defaults();
        GameCatalogue catalogue = GameFiles.sample();
        Transactions transactions = new Transactions(counted);
        Ledger ledger = new Ledger(counted, transactions, tables);
        Draws draws = new Draws(counted, transactions, tables);
        SettlementStore store = new SettlementStore(counted, transactions, tables);
        // Catalogue versions are read through the uncounted client: a read a minute, not the settlement's work.
        Catalogues catalogues = Catalogues.over(catalogue, JurisdictionFiles.sample(), new ConfigVersions(plain, tables));
        ComplianceGuard guard = new ComplianceGuard(counted, tables);
        Holders holders = new Holders(counted, tables, catalogues);
        Settlement settlement = new Settlement(draws, catalogues, store, ledger, guard, holders, Instant::now);

        String gameId = lotto ? "lotto-6-49" : "4d-jakarta";
        var game = catalogue.game(gameId).orElseThrow();
        var drawTime = Instant.parse("2031-06-01T14:00:00Z").atZone(game.schedule().zone());
        String drawId = game.schedule().drawId(gameId, drawTime);
        draws.open(new Draw(drawId, gameId, "IDR", drawTime.toInstant(), drawTime.toInstant().minusSeconds(900),
                drawTime.toInstant().minusSeconds(780), new Beacon(Beacon.LOCAL_CHAIN, 1), "00".repeat(32), DrawStatus.OPEN,
                Optional.empty(), Optional.empty()), new byte[32]);

        long started = System.nanoTime();
        List<PlayerId> owners = new ArrayList<>();
        for (int i = 0; i < Math.max(50, Math.min(2_000, lines / 50)); i++) {
            owners.add(TestPlayers.verified("bench").id());
        }
        int tickets = lines / LINES_PER_TICKET;
        List<Map<String, AttributeValue>> items = new ArrayList<>(lines);
        for (int t = 0; t < tickets; t++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String ticketId = drawId + "." + HEX.formatHex(id);
            int shard = Byte.toUnsignedInt(id[0]) % TicketItems.SHARDS;
            String owner = owners.get(random.nextInt(owners.size())).value();
            List<BetLineItems.BetLine> ticketLines = lotto ? lottoTicket(ticketId, owner) : fixedOddsTicket(ticketId, owner, (FixedOddsGame) game);
            for (int i = 0; i < ticketLines.size(); i++) {
                items.add(BetLineItems.item(ticketLines.get(i), drawId, i, shard));
            }
        }
        Loading.put(plain, Table.BET_LINES.defaultName(), items);
        long sales = (long) tickets * LINES_PER_TICKET * STAKE;
        items = null;
        Bench.log(String.format("settlement: %d %s lines loaded in %.0f s", lines, lotto ? "lotto" : "fixed-odds",
                (System.nanoTime() - started) / 1e9));

        // The draw's sales in its escrow, the house able to pay, then closed, sealed and drawn.
        PlayerId seller = owners.get(0);
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "bench:sales:" + drawId, AccountId.clearing("bench", IDR), AccountId.wallet(seller, IDR),
                new Money(sales, IDR), Instant.now()), STAMP);
        ledger.apply(Transfer.of(TransferKind.STAKE, "bench:sales:" + drawId, AccountId.wallet(seller, IDR),
                AccountId.of(AccountType.SALES_ESCROW, drawId, IDR), new Money(sales, IDR), Instant.now()), STAMP);
        ledger.apply(Transfer.of(TransferKind.CAPITAL, "bench:capital:" + drawId, AccountId.operatorCapital(IDR), AccountId.house(gameId, IDR),
                new Money(1_000_000_000_000_000L, IDR), Instant.now()), STAMP);
        draws.close(drawId);
        draws.seal(drawId, new Draw.Seal(tickets, sales, "00".repeat(32), "00".repeat(32)));
        List<Integer> numbers = lotto ? lottoNumbers() : List.of(random.nextInt(10), random.nextInt(10), random.nextInt(10), random.nextInt(10));
        draws.complete(drawId, new Draw.Outcome("00".repeat(32), "00".repeat(32), null, "00".repeat(32), numbers));

        counting.reset();
        long before = System.nanoTime();
        for (Settlement.Part part : settlement.start(drawId, STAMP)) {
            settlement.settlePart(part, STAMP);
        }
        long settleNanos = System.nanoTime() - before;
        long itemsRead = counting.itemsRead.sum();
        long itemsWritten = counting.itemsWritten.sum();
        long calls = counting.calls.sum();
        long lineItemsRead = counting.itemsReadFrom(Table.BET_LINES.defaultName());
        ObjectNode byTable = Results.object();
        counting.itemsReadByTable.forEach((table, count) -> byTable.put(table, count.sum()));
        if (draws.find(drawId).orElseThrow().status() != DrawStatus.SETTLED) {
            throw new IllegalStateException(drawId + " did not settle");
        }
        long paid = store.paid(drawId);
        long winners = winningTickets(plain, drawId);
        ObjectNode result = Results.object().put("kind", lotto ? "lotto" : "fixed-odds").put("lines", lines).put("tickets", tickets)
                .put("numbers", numbers.toString()).put("winningTickets", winners).put("paidMinor", paid)
                .put("millis", settleNanos / 1e6).put("itemsRead", itemsRead).put("itemsWritten", itemsWritten)
                .put("calls", calls).put("lineItemsRead", lineItemsRead);
        result.set("itemsReadByTable", byTable);
        Bench.log(String.format("settlement: settled in %.1f s, %d items read, %d winning tickets", settleNanos / 1e9, itemsRead, winners));

        if (!lotto) {
            FixedOddsGame fixed = (FixedOddsGame) game;
            FourDResult drawn = FourDResult.of(numbers.stream().mapToInt(Integer::intValue).toArray());
            counting.reset();
            before = System.nanoTime();
            long winningLines = 0;
            long owed = 0;
            for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
                int part = segment;
                for (var item : counted.scanPaginator(b -> b.tableName(Table.BET_LINES.defaultName()).segment(part)
                        .totalSegments(SCAN_SEGMENTS)).items()) {
                    BetLineItems.BetLine line = BetLineItems.line(item);
                    long win = FixedOddsWins.win(BetType.valueOf(line.betType()), line.selection(), line.stakeMinor(), line.multiplierMilli(),
                            drawn, fixed.shio());
                    if (win > 0) {
                        winningLines++;
                        owed += win;
                    }
                }
            }
            long scanNanos = System.nanoTime() - before;
            if (owed != paid) {
                throw new IllegalStateException("the full scan finds " + owed + " owed; settlement paid " + paid);
            }
            result.put("winningLines", winningLines);
            result.set("fullScan", Results.object().put("millis", scanNanos / 1e6).put("itemsRead", counting.itemsRead.sum())
                    .put("calls", counting.calls.sum()));
            Bench.log(String.format("settlement: full scan in %.1f s, %d items read, %d winning lines", scanNanos / 1e9,
                    counting.itemsRead.sum(), winningLines));

            ScanAndPay like = new ScanAndPay(counted, fixed, drawn, drawId, store, ledger, guard, holders);
            counting.reset();
            before = System.nanoTime();
            long scannedPaid = like.run();
            long likeNanos = System.nanoTime() - before;
            if (scannedPaid != paid) {
                throw new IllegalStateException("the scan that pays paid " + scannedPaid + "; settlement paid " + paid);
            }
            result.set("fullScanAndPay", Results.object().put("millis", likeNanos / 1e6).put("itemsRead", counting.itemsRead.sum())
                    .put("itemsWritten", counting.itemsWritten.sum()).put("calls", counting.calls.sum()));
            Bench.log(String.format("settlement: full scan that pays in %.1f s, %d items read, %d written", likeNanos / 1e9,
                    counting.itemsRead.sum(), counting.itemsWritten.sum()));
        }
        return result;
    }

    private List<BetLineItems.BetLine> fixedOddsTicket(String ticketId, String owner, FixedOddsGame game) {
        String number = Skew.fourD(random);
        List<BetLineItems.BetLine> out = new ArrayList<>();
        out.add(line(ticketId, owner, game, BetType.FOUR_D, number));
        out.add(line(ticketId, owner, game, BetType.THREE_D, number.substring(1)));
        out.add(line(ticketId, owner, game, BetType.TWO_D_BACK, number.substring(2)));
        out.add(line(ticketId, owner, game, BetType.TWO_D_FRONT, number.substring(0, 2)));
        return out;
    }

    private static BetLineItems.BetLine line(String ticketId, String owner, FixedOddsGame game, BetType type, String selection) {
        long multiplier = game.termsOf(type).orElseThrow().multiplierMilli();
        return new BetLineItems.BetLine(ticketId, owner, type.name(), selection, STAKE, multiplier, Optional.of(HOME));
    }

    private List<BetLineItems.BetLine> lottoTicket(String ticketId, String owner) {
        List<BetLineItems.BetLine> out = new ArrayList<>();
        for (int i = 0; i < LINES_PER_TICKET; i++) {
            out.add(new BetLineItems.BetLine(ticketId, owner, BetLineItems.LOTTO, Skew.lotto(random), STAKE, 0, Optional.of(HOME)));
        }
        return out;
    }

    /** The drawn numbers: six of 1 to 49, uniformly (the draw has no favourites). */
    private List<Integer> lottoNumbers() {
        java.util.TreeSet<Integer> drawn = new java.util.TreeSet<>();
        while (drawn.size() < 6) {
            drawn.add(1 + random.nextInt(49));
        }
        return List.copyOf(drawn);
    }

    /**
     * The like-for-like baseline: every line of the draw read (the same segmented scan), the wins
     * summed per ticket as settlement does, and each winning ticket paid through the same calls
     * settlement makes: one ledger transfer with the ticket's settlement marker and the owner's
     * net-loss counters in its transaction, the owner's home read once per owner. It pays into
     * the same wallets under its own transfer references and markers (a shadow draw id), so it
     * runs after settlement on the same data and writes as much as settlement wrote.
     */
    private record ScanAndPay(DynamoDbClient dynamo, FixedOddsGame game, FourDResult drawn, String drawId, SettlementStore store,
            Ledger ledger, ComplianceGuard guard, Holders holders) {
        long run() {
            Map<String, Long> wins = new java.util.TreeMap<>();
            Map<String, BetLineItems.BetLine> firstLine = new HashMap<>();
            for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
                int part = segment;
                for (var item : dynamo.scanPaginator(b -> b.tableName(Table.BET_LINES.defaultName()).segment(part)
                        .totalSegments(SCAN_SEGMENTS)).items()) {
                    BetLineItems.BetLine line = BetLineItems.line(item);
                    long win = FixedOddsWins.win(BetType.valueOf(line.betType()), line.selection(), line.stakeMinor(), line.multiplierMilli(),
                            drawn, game.shio());
                    if (win > 0) {
                        wins.merge(line.ticketId(), win, Long::sum);
                        firstLine.putIfAbsent(line.ticketId(), line);
                    }
                }
            }
            Map<String, io.fairdraw.model.compliance.Jurisdiction> homes = new HashMap<>();
            long paid = 0;
            String shadow = drawId + "-scan";
            for (var win : wins.entrySet()) {
                BetLineItems.BetLine line = firstLine.get(win.getKey());
                PlayerId owner = new PlayerId(line.owner());
                var home = homes.computeIfAbsent(line.owner(), o -> holders.homeOf(owner, line.homeCountry()));
                Money amount = new Money(win.getValue(), IDR);
                Instant now = Instant.now();
                Transaction alongside = Transaction.of("settlement marker", store.ticketMarker(shadow, win.getKey(), line.owner(),
                        win.getValue(), Plan.Kind.FIXED_ODDS, STAMP));
                if (home.currency().equals(IDR)) {
                    alongside.add("net-loss counters", guard.credit(owner, home, now, amount));
                }
                ledger.apply(Transfer.of(TransferKind.WINNINGS, "scan:" + win.getKey(), AccountId.house(game.id(), IDR),
                        AccountId.wallet(owner, IDR), amount, now), alongside, STAMP);
                paid += win.getValue();
            }
            return paid;
        }
    }

    /** The settlement markers payout wrote for winning tickets. */
    private static long winningTickets(DynamoDbClient dynamo, String drawId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":prefix", AttributeValue.fromS(TicketResults.MARKER_PREFIX)));
        long count = 0;
        for (var page : dynamo.scanPaginator(b -> b.tableName(Table.SETTLEMENTS.defaultName())
                .filterExpression("begins_with(" + Table.Attributes.SORT_KEY + ", :prefix)").expressionAttributeValues(values))) {
            count += page.count();
        }
        return count;
    }
}
