package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.AlertCase;
import io.fairdraw.backoffice.store.Alerts;
import io.fairdraw.backoffice.store.AuditEntry;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case workflow of alerts: an operator takes an alert (ASSIGNED to them; another operator may
 * take it over), then closes it with an outcome, CLEARED or REPORTED, and the reason. A closed case
 * stays closed. Each step is written with its own audit-trail entry in the same transaction, and
 * the row's version makes two operators acting at once conflict rather than both win.
 */
@ApplicationScoped
public class AlertCases {
    private final Reporting reporting;
    private final Alerts alerts;
    private final AlertRules rules;

    public AlertCases(Reporting reporting, Alerts alerts, AlertRules rules) {
        this.reporting = reporting;
        this.alerts = alerts;
        this.rules = rules;
    }

    /** The cases of these alerts, by alert id. */
    public Map<String, AlertCase> of(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        List<AlertCase> cases = reporting.read(() -> AlertCase.<AlertCase>list("alertId in ?1", List.copyOf(alertIds)));
        return cases.stream().collect(Collectors.toMap(c -> c.alertId, Function.identity()));
    }

    public AlertCase assign(String alertId, String operator, String requestId) {
        return change(alertId, operator, requestId, existing -> {
            if (existing != null && existing.status == AlertCase.Status.CLOSED) {
                throw new DomainException(ErrorType.ALREADY_DECIDED, "the case was closed " + existing.outcome);
            }
            existing.status = AlertCase.Status.ASSIGNED;
            existing.assignee = operator;
            return existing;
        });
    }

    public AlertCase close(String alertId, AlertCase.Outcome outcome, String note, String operator, String requestId) {
        return change(alertId, operator, requestId, existing -> {
            if (existing.status == AlertCase.Status.CLOSED) {
                throw new DomainException(ErrorType.ALREADY_DECIDED, "the case was closed " + existing.outcome);
            }
            existing.status = AlertCase.Status.CLOSED;
            existing.outcome = outcome;
            existing.note = note;
            if (existing.assignee == null) {
                existing.assignee = operator;
            }
            return existing;
        });
    }

    /** Applies one step to the alert's case (made when the alert has none yet) and records it in the audit trail. */
    private AlertCase change(String alertId, String operator, String requestId, Function<AlertCase, AlertCase> step) {
        Alerts.Alert alert = reporting.read(() -> alerts.find(alertId, rules.rules()))
                .orElseThrow(() -> new DomainException(ErrorType.NOT_FOUND, "no alert " + alertId));
        try {
            return reporting.transaction(() -> AlertCase.<AlertCase>findById(alertId).chain(found -> {
                AlertCase row = found;
                if (row == null) {
                    row = new AlertCase();
                    row.alertId = alertId;
                    row.kind = alert.kind().name();
                    row.playerIds = String.join(",", alert.playerIds());
                }
                AlertCase changed = step.apply(row);
                changed.updatedBy = operator;
                changed.updatedAt = Instant.now();
                // A found row is managed: its changes are written at the flush, which also raises its version.
                Uni<AlertCase> saved = found == null ? changed.persist() : Uni.createFrom().item(changed);
                return saved.call(Panache::flush).chain(c -> audit(c, requestId, alert).persist().replaceWith(c));
            }));
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                throw new DomainException(ErrorType.CONCURRENT_UPDATE, "another operator acted on this case; read it again");
            }
            throw e;
        }
    }

    private static AuditEntry audit(AlertCase c, String requestId, Alerts.Alert alert) {
        AuditEntry entry = new AuditEntry();
        entry.eventId = "alert-case:" + c.alertId + ":" + c.version;
        entry.tableName = "alert-cases";
        entry.eventName = c.status.name();
        entry.itemKey = c.alertId;
        entry.playerId = alert.playerIds().isEmpty() ? null : alert.playerIds().get(0);
        entry.actor = c.updatedBy;
        entry.requestId = requestId;
        entry.at = c.updatedAt;
        entry.sequence = BigDecimal.valueOf(c.version);
        entry.detail = "{\"kind\":\"" + c.kind + "\",\"status\":\"" + c.status + "\",\"assignee\":\"" + c.assignee + "\""
                + (c.outcome == null ? "" : ",\"outcome\":\"" + c.outcome + "\"") + "}";
        return entry;
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t.getClass().getSimpleName().contains("ConstraintViolation")) {
                return true;
            }
        }
        return false;
    }
}
