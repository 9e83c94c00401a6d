package io.fairdraw.betting;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.snapstart.SnapStartHooks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks as the runtime calls them: priming before the snapshot runs the purchase's
 * JSON without I/O, and after a restore what the environment remembered is read afresh.
 */
@QuarkusTest
class SnapStartRestoreTest {
    @Inject
    SnapStartHooks hooks;

    @Inject
    Snapshots snapshots;

    @Test
    void aRestoredEnvironmentReadsTheBuyerAgainAndPrimingTouchesNothing() {
        PlayerId player = PlayerId.derive("https://players.example.com", "snap-" + UUID.randomUUID());
        AtomicInteger reads = new AtomicInteger();
        Supplier<Snapshots.Buyer> read = () -> {
            reads.incrementAndGet();
            return new Snapshots.Buyer(null, SafetySettings.none());
        };
        snapshots.buyer(player, read);
        snapshots.buyer(player, read);
        assertThat(reads).as("remembered between invocations").hasValue(1);

        hooks.beforeCheckpoint(null);
        snapshots.buyer(player, read);
        assertThat(reads).as("priming forgets nothing and reads nothing").hasValue(1);

        hooks.afterRestore(null);
        snapshots.buyer(player, read);
        assertThat(reads).as("read again after the restore").hasValue(2);
    }
}
