package io.fairdraw.platform.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.platform.secrets.SecretsConfigSourceFactory;
import io.fairdraw.testsupport.LocalSecretsManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the origin secret seen by an environment that started before it, over the
 * Secrets Manager protocol and the reader the functions use: the new secret is accepted once the
 * secret has been read again, the previous one still is, and forged secrets make the guard read
 * at most once a minute.
 */
class OriginGuardTest {
    private static final String FIRST = "first-secret-0123456789abcdef0123456789";
    private static final String SECOND = "second-secret-0123456789abcdef012345678";
    private static final String THIRD = "third-secret-0123456789abcdef0123456789";

    private final LocalSecretsManager secrets = new LocalSecretsManager();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private String endpoint;
    private OriginGuard guard;

    @BeforeEach
    void start() throws Exception {
        endpoint = secrets.start().toString();
        String id = secrets.put("fairdraw-test/edge", json(FIRST, null));
        guard = OriginGuard.of(true, Optional.of(FIRST), Optional.empty(),
                SecretsConfigSourceFactory.reader(Optional.of(id), Optional.of(endpoint)), clock);
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    @Test
    void aRotatedSecretIsAcceptedAfterTheSecretsAreReadAgainAndThePreviousOneStillIs() {
        secrets.put("fairdraw-test/edge", json(SECOND, FIRST));

        // Within a minute of the start nothing is read again: the new secret is refused.
        assertThat(guard.check(Optional.of(SECOND))).contains(OriginSecret.Rejection.FORGED);
        now.set(now.get().plus(OriginGuard.REFRESH_INTERVAL));
        assertThat(guard.check(Optional.of(SECOND))).isEmpty();
        assertThat(guard.check(Optional.of(FIRST))).as("edge locations the change has not reached yet").isEmpty();

        // The next rotation drops the first secret.
        secrets.put("fairdraw-test/edge", json(THIRD, SECOND));
        now.set(now.get().plus(OriginGuard.REFRESH_INTERVAL));
        assertThat(guard.check(Optional.of(THIRD))).isEmpty();
        assertThat(guard.check(Optional.of(FIRST))).contains(OriginSecret.Rejection.FORGED);
        assertThat(guard.check(Optional.empty())).contains(OriginSecret.Rejection.MISSING);
    }

    @Test
    void forgedSecretsReadTheSecretsAtMostOnceAMinute() {
        now.set(now.get().plus(OriginGuard.REFRESH_INTERVAL));
        assertThat(guard.check(Optional.of("forged-0123456789abcdef0123456789abcdef"))).contains(OriginSecret.Rejection.FORGED);
        // Rotated right after a forged request made the guard read: the new value waits for the interval.
        secrets.put("fairdraw-test/edge", json(SECOND, FIRST));
        now.set(now.get().plus(OriginGuard.REFRESH_INTERVAL.minusSeconds(1)));
        assertThat(guard.check(Optional.of(SECOND))).contains(OriginSecret.Rejection.FORGED);
        now.set(now.get().plusSeconds(1));
        assertThat(guard.check(Optional.of(SECOND))).isEmpty();
    }

    @Test
    void aSecretThatCannotBeReadAgainLeavesTheOneInUse() {
        OriginGuard unreadable = OriginGuard.of(true, Optional.of(FIRST), Optional.empty(),
                SecretsConfigSourceFactory.reader(Optional.of("fairdraw-test/deleted"), Optional.of(endpoint)), clock);
        now.set(now.get().plus(OriginGuard.REFRESH_INTERVAL));
        assertThat(unreadable.check(Optional.of(SECOND))).contains(OriginSecret.Rejection.FORGED);
        assertThat(unreadable.check(Optional.of(FIRST))).isEmpty();
    }

    private static String json(String current, String previous) {
        return previous == null ? "{\"" + OriginGuard.CURRENT + "\":\"" + current + "\"}"
                : "{\"" + OriginGuard.CURRENT + "\":\"" + current + "\",\"" + OriginGuard.PREVIOUS + "\":\"" + previous + "\"}";
    }
}
