package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.WithdrawalRow;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.withdrawals.Withdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The withdrawal review queue. Payout holds a withdrawal above its currency's review limit
 * (REVIEW); an operator releases it (APPROVED, which the withdrawals stream turns into
 * {@code WithdrawalApproved} for payout to pay) or rejects it with a reason (RETURNED: the amount
 * goes back to the wallet in the same transaction). Decisions go through the platform's
 * {@link Withdrawals} on DynamoDB, conditioned on the withdrawal still being in review, so two
 * operators deciding at once cannot both win; the queue itself is read from the reporting store.
 */
@ApplicationScoped
public class WithdrawalReviews {
    private final Withdrawals withdrawals;
    private final Reporting reporting;

    public WithdrawalReviews(Withdrawals withdrawals, Reporting reporting) {
        this.withdrawals = withdrawals;
        this.reporting = reporting;
    }

    public List<WithdrawalRow> queue(String status, int limit) {
        return reporting.read(() -> WithdrawalRow.<WithdrawalRow>find("status = ?1 and removed = false order by createdAt, id", status)
                .range(0, limit - 1).list());
    }

    public Withdrawal approve(String id, AuditStamp stamp) {
        Withdrawal withdrawal = inReview(id);
        if (!withdrawals.mark(id, Set.of(Withdrawal.Status.REVIEW), Withdrawal.Status.APPROVED,
                Optional.of("approved by " + stamp.actor()), stamp)) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "the withdrawal left review meanwhile");
        }
        return withdrawals.find(id).orElse(withdrawal);
    }

    public Withdrawal reject(String id, String reason, AuditStamp stamp) {
        Withdrawal withdrawal = inReview(id);
        if (!withdrawals.settle(withdrawal, false, Optional.of("rejected by " + stamp.actor() + ": " + reason), Instant.now(), stamp)) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "the withdrawal left review meanwhile");
        }
        return withdrawals.find(id).orElse(withdrawal);
    }

    private Withdrawal inReview(String id) {
        Withdrawal withdrawal = withdrawals.find(id)
                .orElseThrow(() -> new DomainException(ErrorType.NOT_FOUND, "no withdrawal " + id));
        if (withdrawal.status() != Withdrawal.Status.REVIEW) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "the withdrawal is " + withdrawal.status() + ", not in review");
        }
        return withdrawal;
    }
}
