package io.fairdraw.betting;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.draws.Seals;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.idempotency.IdempotentRequests;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.tickets.TicketLeaves;
import io.fairdraw.testsupport.TestPlayers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws opened, closed and sealed through platform's draw store (what the draw function
 * writes), wallets funded through the ledger (what a confirmed deposit does), and purchases
 * through the HTTP route.
 */
@ApplicationScoped
public class BettingFixtures {
    static final String FOUR_D = "4d-jakarta";
    static final String LOTTO = "lotto-6-49";
    static final CurrencyCode IDR = CurrencyCode.of("IDR");
    private static final AtomicInteger NEXT_DRAW = new AtomicInteger();
    private static final HexFormat HEX = HexFormat.of();

    private final Draws draws;
    private final Ledger ledger;
    private final TicketLeaves leaves;
    private final GameCatalogue catalogue;
    private final Purchases purchases;
    private final Seals seals;

    public BettingFixtures(Draws draws, Ledger ledger, TicketLeaves leaves, Catalogues catalogues, Purchases purchases, Seals seals) {
        this.draws = draws;
        this.ledger = ledger;
        this.leaves = leaves;
        this.catalogue = catalogues.games();
        this.purchases = purchases;
        this.seals = seals;
    }

    /**
     * A purchase through the service the route calls, without the HTTP adapter (which serves one
     * event at a time, as one Lambda instance does): concurrent calls race as concurrent
     * instances would. Returns the answer or throws the refusal.
     */
    public IdempotentRequests.Answer buyDirect(PlayerId player, String drawId, String key, List<RequestedLine> lines) {
        return purchases.buy(player, new IdempotencyKey(key), "fp-" + lines.hashCode() + "@" + drawId,
                drawId, 1, game -> lines, java.util.Optional.empty(), new AuditStamp("player:" + player.value(), new RequestId("race")));
    }

    /** A new open draw of the game, its cut-off {@code salesFor} from now (each call a distinct draw time, far ahead). */
    public Draw open(String gameId, Duration salesFor) {
        return open(gameId, salesFor, 0);
    }

    /** A new open draw as {@link #open(String, Duration)}, opened under the given game catalogue version. */
    public Draw open(String gameId, Duration salesFor, int termsVersion) {
        Game game = catalogue.game(gameId).orElseThrow();
        Instant cutOff = Instant.now().plus(salesFor);
        ZonedDateTime drawTime = Instant.now().truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(3650).plusMinutes(NEXT_DRAW.incrementAndGet())).atZone(game.schedule().zone());
        String drawId = game.schedule().drawId(gameId, drawTime);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Beacon beacon = new Beacon(Beacon.LOCAL_CHAIN, 1_000_000 + NEXT_DRAW.get());
        Draw draw = new Draw(drawId, gameId, game.currency().code(), drawTime.toInstant(), cutOff, cutOff.plus(Duration.ofMinutes(2)),
                beacon, HEX.formatHex(Commitment.of(drawId, beacon.chainHash(), beacon.round(), seed)), DrawStatus.OPEN,
                Optional.empty(), Optional.empty(), termsVersion);
        draws.open(draw, seed);
        return draw;
    }

    public Draw open(String gameId) {
        return open(gameId, Duration.ofHours(1));
    }

    public void close(String drawId) {
        draws.close(drawId);
    }

    /**
     * Closes (if open) and seals the draw with the draw function's engine, in chunks of two
     * leaves so proofs cross chunks, and publishes the seal as the draw function does.
     */
    public Draw seal(String drawId) {
        if (draws.find(drawId).orElseThrow().status() == DrawStatus.OPEN) {
            draws.close(drawId);
        }
        draws.seal(drawId, seals.all(drawId, "IDR", 2));
        return draws.find(drawId).orElseThrow();
    }

    /**
     * Completes a sealed draw and settles it with one winning ticket, writing what payout writes
     * for a win (the settlement marker of {@code TicketResults}) and moving the draw to SETTLED.
     */
    public void settleWithWinner(String drawId, String winningTicketId, String owner, long win) {
        draws.complete(drawId, new Draw.Outcome("00".repeat(32), "00".repeat(32), null, "00".repeat(32), List.of(1, 2, 3, 4)));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> marker = new java.util.HashMap<>(
                io.fairdraw.platform.tickets.TicketResults.key(drawId, winningTicketId));
        marker.put(io.fairdraw.platform.tickets.TicketResults.KIND, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WIN"));
        marker.put(io.fairdraw.platform.tickets.TicketResults.AMOUNT,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(win)));
        marker.put("owner", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(owner));
        io.fairdraw.testsupport.LocalDynamo.shared().client().putItem(b -> b.tableName(
                io.fairdraw.platform.dynamo.Table.SETTLEMENTS.defaultName()).item(marker));
        draws.settle(drawId, 0, win);
    }

    public Map<AccountId, Money> escrowBalances() {
        return leaves.escrowBalances();
    }

    public List<TicketLeaf> leaves(String drawId) {
        return leaves.leaves(drawId);
    }

    /** Credits the wallet as a confirmed deposit would. */
    public void fund(PlayerId player, long amountMinor) {
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "test:" + UUID.randomUUID(), AccountId.clearing("test", IDR),
                AccountId.wallet(player, IDR), new Money(amountMinor, IDR), Instant.now()),
                new AuditStamp("test", new RequestId("betting-fixture")));
    }

    public long balance(PlayerId player) {
        return ledger.balance(AccountId.wallet(player, IDR)).amountMinor();
    }

    /** A verified player whose wallet holds {@code amountMinor}. */
    public TestPlayers.TestPlayer fundedPlayer(long amountMinor) {
        TestPlayers.TestPlayer player = TestPlayers.verified("betting");
        if (amountMinor > 0) {
            fund(player.id(), amountMinor);
        }
        return player;
    }

    static Response buy(TestPlayers.TestPlayer player, String drawId, String key, String body) {
        return player.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/draws/{drawId}/tickets", drawId);
    }

    static String line(String betType, String selection, long stake) {
        return "{\"betType\":\"" + betType + "\",\"selection\":\"" + selection + "\",\"stake\":" + stake + "}";
    }

    static String ticket(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }
}
