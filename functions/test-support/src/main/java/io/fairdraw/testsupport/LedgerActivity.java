package io.fairdraw.testsupport;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Business done through the platform's own ledger and draw stores on DynamoDB Local, as the
 * wallet, betting, draw and payout functions do it: operator capital into a game's house,
 * deposits, stakes into a draw's escrow, the draw closed, one ticket's winnings paid and the
 * escrow moved to the house. For the back office's tests, which read what the streams carry.
 */
public final class LedgerActivity {
    public static final CurrencyCode IDR = CurrencyCode.of("IDR");
    public static final String GAME = "4d-jakarta";
    private static final AtomicInteger NEXT_DRAW = new AtomicInteger();

    private final DynamoDbClient dynamo = LocalDynamo.shared().client();
    private final TableNames tables = TestTables.defaults();
    private final Transactions transactions = new Transactions(dynamo);
    private final Ledger ledger = new Ledger(dynamo, transactions, tables);
    private final Draws draws = new Draws(dynamo, transactions, tables);

    /** What one {@link #day} did: its draw, players and the figures a report must show. */
    public record Day(String drawId, List<PlayerId> players, List<String> tickets, long depositsMinor, long stakesMinor,
            long winningsMinor) {
    }

    public Ledger ledger() {
        return ledger;
    }

    /**
     * A day of business: two players deposit, buy {@code ticketsEach} tickets of 10,000 each in a
     * new draw, the first ticket wins 70,000, the draw closes and its sales move to the house.
     */
    public Day day(List<PlayerId> players, int ticketsEach, String actor) {
        AuditStamp stamp = new AuditStamp(actor, new RequestId(actor + "-" + System.nanoTime()));
        Instant drawTime = Instant.parse("2031-01-01T13:00:00Z").plusSeconds(86_400L * NEXT_DRAW.incrementAndGet());
        String drawId = GAME + "-" + drawTime.toString().substring(0, 10).replace("-", "") + "T2000";
        draws.open(new Draw(drawId, GAME, "IDR", drawTime, drawTime.minusSeconds(900), drawTime.minusSeconds(780),
                new Beacon(Beacon.LOCAL_CHAIN, 1), "00".repeat(32), DrawStatus.OPEN, Optional.empty(), Optional.empty()), new byte[32]);
        apply(TransferKind.CAPITAL, "capital:" + drawId, AccountId.operatorCapital(IDR), AccountId.house(GAME, IDR), 1_000_000, stamp);
        long deposits = 0;
        long stakes = 0;
        List<String> tickets = new java.util.ArrayList<>();
        for (PlayerId player : players) {
            apply(TransferKind.DEPOSIT, "deposit:" + drawId + ":" + player.value(), AccountId.clearing("sandbox", IDR),
                    AccountId.wallet(player, IDR), 100_000, stamp);
            deposits += 100_000;
            for (int t = 0; t < ticketsEach; t++) {
                String ticketId = drawId + "." + player.value().substring(3, 11) + t;
                apply(TransferKind.STAKE, ticketId, AccountId.wallet(player, IDR), AccountId.of(AccountType.SALES_ESCROW, drawId, IDR),
                        10_000, stamp);
                stakes += 10_000;
                tickets.add(ticketId);
            }
        }
        draws.close(drawId);
        apply(TransferKind.WINNINGS, tickets.get(0), AccountId.house(GAME, IDR), AccountId.wallet(players.get(0), IDR), 70_000, stamp);
        apply(TransferKind.SALES_TO_HOUSE, drawId, AccountId.of(AccountType.SALES_ESCROW, drawId, IDR), AccountId.house(GAME, IDR),
                stakes, stamp);
        return new Day(drawId, players, tickets, deposits, stakes, 70_000);
    }

    private void apply(TransferKind kind, String reference, AccountId debit, AccountId credit, long amount, AuditStamp stamp) {
        ledger.apply(Transfer.of(kind, reference, debit, credit, new Money(amount, IDR), Instant.now()), stamp);
    }
}
