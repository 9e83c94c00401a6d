package io.fairdraw.platform.edge;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The origin check of a running function, kept true through a rotation of the secret. A warm
 * environment read the secret when it started; after a rotation CloudFront sends the new one,
 * which that environment has never seen. So an unknown secret makes the guard read the function's
 * secrets again (at most once a {@link #REFRESH_INTERVAL}, whoever asks, so forged requests cannot
 * turn it into a flood of Secrets Manager calls) and check once more against what it now holds:
 * the current secret and the previous one, which CloudFront may still send from edge locations
 * the change has not reached yet.
 */
public final class OriginGuard {
    /** The secret's members, as the functions' secrets hold them. */
    public static final String CURRENT = "fairdraw.edge.origin-secret";
    public static final String PREVIOUS = "fairdraw.edge.origin-secret-previous";
    /** The longest a rotated secret is refused by an environment that started before it. */
    public static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(OriginGuard.class);

    private final Optional<Supplier<Map<String, String>>> reread;
    private final InstantSource clock;
    private final AtomicReference<Instant> lastRead;
    private volatile OriginSecret secret;

    private OriginGuard(OriginSecret secret, Optional<Supplier<Map<String, String>>> reread, InstantSource clock) {
        this.secret = secret;
        this.reread = reread;
        this.clock = clock;
        this.lastRead = new AtomicReference<>(clock.instant());
    }

    /**
     * The guard over the secrets read at start; {@code reread} reads the function's secrets again
     * (empty where they do not come from Secrets Manager: tests and the dev profile).
     */
    public static OriginGuard of(boolean required, Optional<String> current, Optional<String> previous,
            Optional<Supplier<Map<String, String>>> reread, InstantSource clock) {
        return new OriginGuard(OriginSecret.of(required, current, previous), reread, clock);
    }

    public boolean required() {
        return secret.required();
    }

    /** Empty when the request may go on; why not otherwise. */
    public Optional<OriginSecret.Rejection> check(Optional<String> presented) {
        Optional<OriginSecret.Rejection> rejection = secret.check(presented);
        if (rejection.equals(Optional.of(OriginSecret.Rejection.FORGED)) && reread.isPresent() && mayReadAgain()) {
            readAgain(reread.get());
            rejection = secret.check(presented);
        }
        return rejection;
    }

    private boolean mayReadAgain() {
        Instant now = clock.instant();
        Instant last = lastRead.get();
        return !now.isBefore(last.plus(REFRESH_INTERVAL)) && lastRead.compareAndSet(last, now);
    }

    private void readAgain(Supplier<Map<String, String>> secrets) {
        try {
            Map<String, String> properties = secrets.get();
            secret = OriginSecret.of(true, Optional.ofNullable(properties.get(CURRENT)), Optional.ofNullable(properties.get(PREVIOUS)));
            LOG.info("an unknown origin secret was presented: the secrets were read again");
        } catch (RuntimeException e) {
            // Keep checking against what was read before; the next attempt comes after the interval.
            LOG.warnf("an unknown origin secret was presented and the secrets could not be read again (%s); keeping those in use",
                    e.getClass().getSimpleName());
        }
    }
}
