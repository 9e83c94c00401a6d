package io.fairdraw.payout;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.config.ConfigVersions;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.draws.SealTrees;
import io.fairdraw.platform.draws.Seals;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.tickets.BetLineItems;
import io.fairdraw.platform.tickets.TicketItems;
import io.fairdraw.platform.tickets.TicketLeaves;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.TestTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The platform's real stores and the settlement service wired by hand around a DynamoDB client
 * (plain, or one that dies or counts), with sales made through the same contracts betting
 * writes: the stake transfer, the ticket item and its filed bet lines.
 */
final class World {
    static final CurrencyCode IDR = CurrencyCode.of("IDR");
    static final AuditStamp STAMP = new AuditStamp("test", new RequestId("payout-test"));
    private static final AtomicInteger NEXT_DRAW = new AtomicInteger();

    final DynamoDbClient dynamo;
    final TableNames tables = TestTables.defaults();
    final Transactions transactions;
    final Ledger ledger;
    final Draws draws;
    final Seals seals;
    final SettlementStore store;
    final Settlement settlement;
    final GameCatalogue catalogue = GameFiles.sample();

    World(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.transactions = new Transactions(dynamo);
        this.ledger = new Ledger(dynamo, transactions, tables);
        this.draws = new Draws(dynamo, transactions, tables);
        this.seals = new Seals(new TicketLeaves(dynamo, tables), new SealTrees(dynamo, transactions, tables));
        this.store = new SettlementStore(dynamo, transactions, tables);
        ComplianceGuard guard = new ComplianceGuard(dynamo, tables);
        Catalogues catalogues = Catalogues.over(catalogue, JurisdictionFiles.sample(), new ConfigVersions(dynamo, tables));
        Holders holders = new Holders(dynamo, tables, catalogues);
        this.settlement = new Settlement(draws, catalogues, store, ledger, guard, holders, Instant::now);
    }

    static World plain() {
        return new World(LocalDynamo.shared().client());
    }

    LedgerReconciler reconciler() {
        return new LedgerReconciler(ledger);
    }

    /** A new open draw of the game, far in the future so no two tests share one. */
    Draw open(String gameId) {
        var game = catalogue.game(gameId).orElseThrow();
        var drawTime = Instant.parse("2030-01-01T13:00:00Z").plusSeconds(3600L * 24 * NEXT_DRAW.incrementAndGet())
                .atZone(game.schedule().zone());
        String drawId = game.schedule().drawId(gameId, drawTime);
        Draw draw = new Draw(drawId, gameId, "IDR", drawTime.toInstant(), drawTime.toInstant().minusSeconds(900),
                drawTime.toInstant().minusSeconds(780), new Beacon(Beacon.LOCAL_CHAIN, 1), "00".repeat(32), DrawStatus.OPEN,
                Optional.empty(), Optional.empty());
        draws.open(draw, new byte[32]);
        return draw;
    }

    /** Closes, seals and completes the draw with the given numbers, as the draw function would. */
    void complete(String drawId, List<Integer> numbers) {
        draws.close(drawId);
        draws.seal(drawId, seals.all(drawId, "IDR", 2048));
        draws.complete(drawId, new Draw.Outcome("00".repeat(32), "00".repeat(32), null, "00".repeat(32), numbers));
    }

    void fund(PlayerId player, long amount) {
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "fund:" + player.value() + ":" + amount + ":" + System.nanoTime(),
                AccountId.clearing("test", IDR), AccountId.wallet(player, IDR), new Money(amount, IDR), Instant.now()), STAMP);
    }

    void capitalise(String gameId, long amount) {
        ledger.apply(Transfer.of(TransferKind.CAPITAL, "capital:" + gameId + ":" + System.nanoTime(), AccountId.operatorCapital(IDR),
                AccountId.house(gameId, IDR), new Money(amount, IDR), Instant.now()), STAMP);
    }

    long balance(AccountId account) {
        return ledger.balance(account).amountMinor();
    }

    /** A line as sold: bet type, canonical selection, stake, and the multiplier it was sold under (0 for lotto). */
    record Line(String betType, String selection, long stake, long multiplierMilli) {
    }

    /** Sells a ticket as betting does: the stake into the draw's escrow, the ticket, its filed lines. The price is the stake. */
    String sell(String drawId, PlayerId owner, String key, List<Line> lines) {
        String ticketId = drawId + "." + hash(owner.value() + "/" + key);
        int shard = Integer.parseInt(ticketId.substring(ticketId.lastIndexOf('.') + 1).substring(0, 2), 16) % TicketItems.SHARDS;
        long price = lines.stream().mapToLong(Line::stake).sum();
        ledger.apply(Transfer.of(TransferKind.STAKE, ticketId, AccountId.wallet(owner, IDR),
                AccountId.of(AccountType.SALES_ESCROW, drawId, IDR), new Money(price, IDR), Instant.now()), STAMP);
        io.fairdraw.model.betting.Ticket ticket = new io.fairdraw.model.betting.Ticket(new io.fairdraw.model.betting.TicketId(ticketId),
                owner, drawId.substring(0, drawId.lastIndexOf('-')), 1, "IDR",
                lines.stream().map(l -> new io.fairdraw.model.betting.PricedLine(l.betType(), l.selection(), l.stake(), l.stake(),
                        java.util.OptionalLong.empty(), 0, 0, 0)).toList(), Instant.now());
        dynamo.putItem(b -> b.tableName(Table.TICKETS.defaultName()).item(TicketItems.item(ticket, STAMP)));
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            var lineItem = BetLineItems.item(new BetLineItems.BetLine(ticketId, owner.value(), l.betType(), l.selection(), l.stake(),
                    l.multiplierMilli()), drawId, i, shard);
            dynamo.putItem(b -> b.tableName(Table.BET_LINES.defaultName()).item(lineItem));
        }
        return ticketId;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
