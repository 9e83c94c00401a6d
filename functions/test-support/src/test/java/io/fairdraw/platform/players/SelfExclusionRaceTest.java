package io.fairdraw.platform.players;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.player.Player;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Self-exclusion races guarded bets, many times: once the exclusion's write has returned, no bet
 * that starts afterwards commits. The exclusion is the versioned put registration does.
 */
class SelfExclusionRaceTest {
    private static final int BETTORS = 6;
    private final ComplianceGuardTest fixture = new ComplianceGuardTest();

    private record Attempt(String betId, long startedNanos, boolean committed, ErrorType refusal) {
    }

    @RepeatedTest(5)
    void noBetStartedAfterTheExclusionCommits() throws Exception {
        Player player = ComplianceGuardTest.verified();
        fixture.store(player);
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch betting = new CountDownLatch(BETTORS);
        ExecutorService pool = Executors.newFixedThreadPool(BETTORS);
        for (int i = 0; i < BETTORS; i++) {
            pool.submit(() -> {
                betting.countDown();
                while (!stop.get()) {
                    String betId = "race-bet#" + UUID.randomUUID();
                    long started = System.nanoTime();
                    try {
                        fixture.placeBet(player.id(), betId, Instant.now());
                        attempts.add(new Attempt(betId, started, true, null));
                    } catch (DomainException e) {
                        attempts.add(new Attempt(betId, started, false, e.type()));
                    }
                }
            });
        }
        betting.await();
        Thread.sleep(40);

        Player excluded = StandingChanges.selfExclude(player, ExclusionPeriod.MONTHS_6, Instant.now());
        fixture.dynamo.putItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .item(PlayerItems.toItem(excluded, new AuditStamp("player:" + player.id(), new RequestId("exclusion"))))
                .conditionExpression(PlayerItems.versionIs(":expected"))
                .expressionAttributeNames(PlayerItems.versionNames())
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(player.version())))));
        long excludedAt = System.nanoTime();

        // Let bets keep starting after the exclusion: a dozen, however slow the machine is today.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (attempts.stream().filter(a -> a.startedNanos() > excludedAt).count() < 2L * BETTORS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Attempt> after = attempts.stream().filter(a -> a.startedNanos() > excludedAt).toList();
        assertThat(after).isNotEmpty();
        assertThat(after).noneMatch(Attempt::committed);
        assertThat(after).allMatch(a -> a.refusal() == ErrorType.SELF_EXCLUDED);
        assertThat(after).noneMatch(a -> fixture.exists(a.betId()));
        assertThat(attempts).filteredOn(Attempt::committed).allMatch(a -> fixture.exists(a.betId()));
    }
}
