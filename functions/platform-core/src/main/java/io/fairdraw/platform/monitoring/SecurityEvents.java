package io.fairdraw.platform.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Events a security team wants to see: something that should not happen was tried and refused
 * (a payment notification that does not match the deposit it names, a second payment for a
 * deposit already credited). Each is one structured log line on the {@value #LOGGER} logger,
 * with the event's kind in the MDC field {@value #KIND_FIELD}; in AWS a CloudWatch metric filter
 * counts them per kind and alarms (infra-terraform, module observability). The count since start
 * is kept here too, for tests and health checks. No personal data goes into the line.
 */
@ApplicationScoped
public class SecurityEvents {
    public static final String LOGGER = "fairdraw.security";
    public static final String KIND_FIELD = "securityEvent";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    /** The kinds, stable: alarms and dashboards select on them. */
    public enum Kind {
        /** A payment notification's payment, amount or currency differs from the deposit it names. */
        PAYMENT_NOTIFICATION_MISMATCH,
        /** A second, different payment arrived for a deposit already credited. */
        DEPOSIT_PAID_TWICE
    }

    private final Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(Kind kind, String detail) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        MDC.put(KIND_FIELD, kind.name());
        try {
            LOG.warnf("security event %s: %s", kind, detail);
        } finally {
            MDC.remove(KIND_FIELD);
        }
    }

    /** How many events of {@code kind} this instance recorded since it started. */
    public long count(Kind kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }
}
