package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.AuditEntry;
import io.fairdraw.backoffice.store.CorrectionRow;
import io.fairdraw.backoffice.store.PersonalData;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.backoffice.store.TransferRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the back-office routes answer. Amounts are integer minor units with their currency. */
@RegisterForReflection(targets = {Reports.DrawReport.class, Reports.Day.class, Reports.Reconciliation.class, Reports.Balance.class,
        PersonalData.Personal.class, io.fairdraw.backoffice.store.Alerts.Alert.class, Reports.Exposure.class,
        DrawVerifications.Verification.class, DrawVerifications.Check.class})
final class BackOfficeViews {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private BackOfficeViews() {
    }

    @RegisterForReflection
    record DaysView(LocalDate from, LocalDate to, List<Reports.Day> days) {
    }

    @RegisterForReflection
    record ReconciliationView(boolean balanced, List<Reports.Reconciliation> currencies) {
        static ReconciliationView of(List<Reports.Reconciliation> books) {
            return new ReconciliationView(books.stream().allMatch(b -> b.signedSumMinor() == 0 && b.negativeWhereNotAllowed().isEmpty()),
                    books);
        }
    }

    @RegisterForReflection
    record AuditView(String eventId, Instant at, String table, String event, String key, String playerId, String drawId,
            String actor, String requestId, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.eventId, e.at, e.tableName, e.eventName, e.itemKey, e.playerId, e.drawId, e.actor, e.requestId, e.detail);
        }
    }

    @RegisterForReflection
    record AuditPage(List<AuditView> items, String next) {
    }

    @RegisterForReflection
    record TransferView(String id, String kind, String debit, String credit, long amount, String currency, String reference,
            Instant at, String actor, String requestId) {
        static TransferView of(TransferRow t) {
            return new TransferView(t.id, t.kind, t.debit, t.credit, t.amountMinor, t.currency, t.reference, t.at, t.actor, t.requestId);
        }
    }

    @RegisterForReflection
    record PlayerView(String playerId, String status, String kyc, String country, String subdivision, String registeredAt,
            PersonalData.Personal personal, boolean personalDataErased, List<TransferView> recentTransfers) {
    }

    @RegisterForReflection
    record CorrectionView(String id, String status, String debit, String credit, long amount, String currency, String reason,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote, String transferId) {
        static CorrectionView of(CorrectionRow c) {
            return new CorrectionView(c.id, c.status.name(), c.debit, c.credit, c.amountMinor, c.currency, c.reason, c.proposedBy,
                    c.proposedAt, c.decidedBy, c.decidedAt, c.decisionNote, c.transferId);
        }
    }

    @RegisterForReflection
    record CorrectionList(List<CorrectionView> items) {
    }

    @RegisterForReflection
    record ErasureView(String playerId, Instant erasedAt, String erasedBy) {
    }

    @RegisterForReflection
    record WithdrawalView(String id, String playerId, long amount, String currency, String provider, String status, String reason,
            String requestedAt) {
        static WithdrawalView of(io.fairdraw.backoffice.store.WithdrawalRow w) {
            return new WithdrawalView(w.id, w.playerId, w.amountMinor, w.currency, w.provider, w.status, w.reason, w.createdAt);
        }

        static WithdrawalView of(io.fairdraw.model.wallet.Withdrawal w) {
            return new WithdrawalView(w.id(), w.player().value(), w.amount().amountMinor(), w.amount().currency().code(),
                    w.instrument().provider(), w.status().name(), null, w.requestedAt().toString());
        }
    }

    @RegisterForReflection
    record ExposureList(String drawId, List<Reports.Exposure> items) {
    }

    @RegisterForReflection
    record AlertList(List<AlertView> items) {
    }

    /** An alert and its case, if an operator has taken it: who has it, and once closed, the outcome and why. */
    @RegisterForReflection
    record AlertView(String id, String kind, List<String> playerIds, Instant at, String detail, String caseStatus, String assignee,
            String outcome, String note) {
        static AlertView of(io.fairdraw.backoffice.store.Alerts.Alert alert, io.fairdraw.backoffice.store.AlertCase c) {
            return new AlertView(alert.id(), alert.kind().name(), alert.playerIds(), alert.at(), alert.detail(),
                    c == null ? "NEW" : c.status.name(), c == null ? null : c.assignee, c == null || c.outcome == null ? null : c.outcome.name(),
                    c == null ? null : c.note);
        }
    }

    /** An alert case after a step. */
    @RegisterForReflection
    record AlertCaseView(String alertId, String kind, String status, String assignee, String outcome, String note, String updatedBy,
            Instant updatedAt) {
        static AlertCaseView of(io.fairdraw.backoffice.store.AlertCase c) {
            return new AlertCaseView(c.alertId, c.kind, c.status.name(), c.assignee, c.outcome == null ? null : c.outcome.name(), c.note,
                    c.updatedBy, c.updatedAt);
        }
    }

    /** Closing an alert case: CLEARED or REPORTED, and why. */
    @RegisterForReflection
    record AlertClosureBody(String outcome, String note) {
    }

    @RegisterForReflection
    record WithdrawalList(List<WithdrawalView> items) {
    }

    /** A correcting transfer as proposed: from and to which account, how much, and why. */
    @RegisterForReflection
    record CorrectionBody(String debit, String credit, Long amount, String currency, String reason) {
    }

    /** A rejection's reason. */
    @RegisterForReflection
    record DecisionBody(String note) {
    }

    /** A proposed catalogue version: the whole document, when it takes effect, and why. */
    @RegisterForReflection
    record ConfigChangeBody(com.fasterxml.jackson.databind.JsonNode document, String effectiveFrom, String reason) {
    }

    /** One version under change control; the document itself only when one version is asked for. */
    @RegisterForReflection
    record ConfigVersionView(String kind, int version, String status, Instant effectiveFrom, String digest, String proposedBy,
            Instant proposedAt, String reason, String decidedBy, Instant decidedAt, String decisionReason,
            com.fasterxml.jackson.databind.JsonNode document) {
        static ConfigVersionView of(io.fairdraw.platform.config.ConfigVersion v, boolean withDocument) {
            com.fasterxml.jackson.databind.JsonNode document = null;
            if (withDocument) {
                try {
                    document = JSON.readTree(v.document());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("a stored " + v.kind().id() + " document is not JSON", e);
                }
            }
            return new ConfigVersionView(v.kind().id(), v.version(), v.status().name(), v.effectiveFrom(), v.digest(), v.proposedBy(),
                    v.proposedAt(), v.reason(), v.decidedBy().orElse(null), v.decidedAt().orElse(null), v.decisionReason().orElse(null),
                    document);
        }
    }

    /** A catalogue kind: the deployed baseline's version, the version in force now, and every proposed version. */
    @RegisterForReflection
    record ConfigOverview(String kind, int baselineVersion, int inForceVersion, List<ConfigVersionView> versions) {
        static ConfigOverview of(ConfigChanges.Overview o) {
            return new ConfigOverview(o.kind().id(), o.baselineVersion(), o.inForceVersion(),
                    o.versions().stream().map(v -> ConfigVersionView.of(v, false)).toList());
        }
    }
}
