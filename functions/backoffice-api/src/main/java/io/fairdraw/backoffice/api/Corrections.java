package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.CorrectionRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.ledger.Ledger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Correcting transfers, four eyes: one operator proposes (kept in the reporting store), a
 * different operator approves, and only then is the transfer applied through the platform's
 * ledger, with the ledger's own rules (balanced, currencies equal, a player wallet never
 * negative) and an id derived from the proposal, so a retried approval moves money once. The
 * decision is committed before the ledger is touched, and the row's version makes two
 * concurrent decisions on one proposal conflict instead of both winning.
 */
@ApplicationScoped
public class Corrections {
    private final Reporting reporting;
    private final Ledger ledger;
    private final Clock clock;

    public Corrections(Reporting reporting, Ledger ledger) {
        this.reporting = reporting;
        this.ledger = ledger;
        this.clock = Clock.systemUTC();
    }

    public CorrectionRow propose(AccountId debit, AccountId credit, Money amount, String reason, String operator, String requestId) {
        if (debit.equals(credit)) {
            throw ValidationException.of("credit", "is the debited account");
        }
        if (!debit.currency().equals(amount.currency()) || !credit.currency().equals(amount.currency())) {
            throw new DomainException(ErrorType.CURRENCY_MISMATCH, "both accounts and the amount must be in one currency");
        }
        if (amount.amountMinor() <= 0) {
            throw new DomainException(ErrorType.AMOUNT_OUT_OF_RANGE, "a correction moves a positive amount");
        }
        if (debit.type().isVirtual() || credit.type().isVirtual()) {
            throw ValidationException.of("debit", "a draw's escrow is corrected by settling or voiding the draw, not by hand");
        }
        CorrectionRow row = new CorrectionRow();
        row.id = "cor-" + UUID.randomUUID();
        row.debit = debit.value();
        row.credit = credit.value();
        row.amountMinor = amount.amountMinor();
        row.currency = amount.currency().code();
        row.reason = reason;
        row.proposedBy = operator;
        row.proposedRequest = requestId;
        row.proposedAt = clock.instant();
        row.status = CorrectionRow.Status.PROPOSED;
        return reporting.transaction(() -> row.persist().replaceWith(row));
    }

    public List<CorrectionRow> list(CorrectionRow.Status status, int limit) {
        return reporting.read(() -> CorrectionRow.<CorrectionRow>find("status = ?1 order by proposedAt, id", status).range(0, limit - 1).list());
    }

    public CorrectionRow find(String id) {
        CorrectionRow row = reporting.read(() -> CorrectionRow.<CorrectionRow>findById(id));
        if (row == null) {
            throw new DomainException(ErrorType.NOT_FOUND, "no correction " + id);
        }
        return row;
    }

    /** Approves and applies. Approving again by the same operator finishes an approval that was cut short. */
    public CorrectionRow approve(String id, String operator, String requestId) {
        CorrectionRow decided = decide(id, operator, requestId, CorrectionRow.Status.APPROVED, null);
        if (decided.status == CorrectionRow.Status.APPLIED) {
            return decided;
        }
        Transfer transfer = Transfer.of(TransferKind.CORRECTION, decided.id, new AccountId(decided.debit), new AccountId(decided.credit),
                Money.of(decided.amountMinor, decided.currency), decided.decidedAt);
        ledger.apply(transfer, new AuditStamp(operator, new io.fairdraw.model.id.RequestId(requestId)));
        return reporting.transaction(() -> CorrectionRow.<CorrectionRow>findById(id).chain(row -> {
            row.status = CorrectionRow.Status.APPLIED;
            row.transferId = transfer.id().value();
            return Uni.createFrom().item(row);
        }));
    }

    public CorrectionRow reject(String id, String operator, String requestId, String note) {
        return decide(id, operator, requestId, CorrectionRow.Status.REJECTED, note);
    }

    private CorrectionRow decide(String id, String operator, String requestId, CorrectionRow.Status to, String note) {
        try {
            return reporting.transaction(() -> CorrectionRow.<CorrectionRow>findById(id).map(row -> {
                if (row == null) {
                    throw new DomainException(ErrorType.NOT_FOUND, "no correction " + id);
                }
                if (row.proposedBy.equals(operator)) {
                    throw new DomainException(ErrorType.FOUR_EYES_REQUIRED, "the proposer cannot decide their own correction");
                }
                boolean resuming = to == CorrectionRow.Status.APPROVED && operator.equals(row.decidedBy)
                        && (row.status == CorrectionRow.Status.APPROVED || row.status == CorrectionRow.Status.APPLIED);
                if (resuming) {
                    return row;
                }
                if (row.status != CorrectionRow.Status.PROPOSED) {
                    throw new DomainException(ErrorType.ALREADY_DECIDED, "the correction is " + row.status);
                }
                row.status = to;
                row.decidedBy = operator;
                row.decidedRequest = requestId;
                row.decidedAt = Instant.now(clock);
                row.decisionNote = note;
                return row;
            }));
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException concurrent) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "another operator decided the correction at the same moment");
        }
    }
}
