package io.fairdraw.wallet;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.withdrawals.Withdrawals;
import io.fairdraw.payments.PaymentProvider;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.wallet.store.WalletStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Withdrawals. The amount moves from the wallet to the player's pending-withdrawal account at
 * once, in the transaction that records the withdrawal; the withdrawals table's stream then
 * publishes WithdrawalRequested for the payout function, so no second write can be lost. An
 * excluded or closed player may still withdraw; an unverified or suspended one may not.
 */
@ApplicationScoped
public class WithdrawalService {
    private static final Logger LOG = Logger.getLogger(WithdrawalService.class);

    private final WalletStore store;
    private final Ledger ledger;
    private final Withdrawals withdrawals;
    private final TimeSource clock;

    public WithdrawalService(WalletStore store, Ledger ledger, Withdrawals withdrawals, TimeSource clock) {
        this.store = store;
        this.ledger = ledger;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    /**
     * The withdrawal a request would make: checked (verified, not suspended, amount in range, an
     * instrument the player deposited from, the most recent when none is named), not yet written.
     */
    public Withdrawal plan(Holders.Holder holder, String withdrawalId, Money requested, Optional<String> instrumentId) {
        requireMayWithdraw(holder);
        Money amount = holder.requireAmount(requested);
        return new Withdrawal(withdrawalId, holder.player().id(), amount, instrument(holder, instrumentId), Withdrawal.Status.REQUESTED,
                clock.now());
    }

    /**
     * Moves the amount to pending and records the withdrawal, in one transaction with the
     * caller's {@code alongside} actions (its remembered answer). The wallet must cover it.
     */
    public Withdrawal request(Holders.Holder holder, Withdrawal withdrawal, List<TransactWriteItem> alongside, AuditStamp stamp) {
        Transaction actions = Transaction.of("new withdrawal", store.newWithdrawal(withdrawal, stamp),
                () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the withdrawal already exists"));
        // The caller's actions (its remembered answer) fail only when another attempt took its claim over: retry.
        for (TransactWriteItem answer : alongside) {
            actions.add("idempotent answer", answer, () -> new DomainException(ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS,
                    "another attempt of this request is running; retry shortly"));
        }
        Transfer transfer = Transfer.of(TransferKind.WITHDRAWAL_REQUESTED, withdrawal.id(), holder.wallet(), holder.pendingWithdrawal(),
                withdrawal.amount(), withdrawal.requestedAt());
        Ledger.Outcome outcome = ledger.apply(transfer, actions, stamp);
        if (outcome instanceof Ledger.AlreadyApplied) {
            return store.withdrawal(withdrawal.id()).orElseThrow();
        }
        LOG.infof("withdrawal %s of %s requested", withdrawal.id(), holder.player().id());
        return withdrawal;
    }

    /** A verified payout notification: paid leaves pending for clearing, a failure returns to the wallet; once. */
    public void settle(PaymentProvider provider, PaymentEvent event, AuditStamp stamp) {
        Withdrawal withdrawal = store.withdrawal(event.merchantReference())
                .orElseThrow(() -> new DomainException(ErrorType.WEBHOOK_MISMATCH, "no withdrawal " + event.merchantReference()));
        if (!withdrawal.instrument().provider().equals(provider.name()) || !withdrawal.amount().equals(event.amount())) {
            throw new DomainException(ErrorType.WEBHOOK_MISMATCH, "the notification differs from withdrawal " + withdrawal.id());
        }
        if (!withdrawals.settle(withdrawal, event.succeeded(), Optional.of(event.providerPaymentId()), clock.now(), stamp)) {
            LOG.infof("withdrawal %s already settled", withdrawal.id());
        }
    }

    private static void requireMayWithdraw(Holders.Holder holder) {
        if (holder.player().kyc() != KycState.APPROVED) {
            throw new DomainException(ErrorType.NOT_VERIFIED, "withdrawals need a completed identity check");
        }
        if (holder.player().status() == PlayerStatus.SUSPENDED) {
            throw new DomainException(ErrorType.SUSPENDED, "the account is suspended; contact support");
        }
    }

    private Instrument instrument(Holders.Holder holder, Optional<String> instrumentId) {
        List<Instrument> known = store.instruments(holder.player().id());
        if (known.isEmpty()) {
            throw new DomainException(ErrorType.NO_DEPOSIT_INSTRUMENT, "deposit first; withdrawals go back to where money came from");
        }
        if (instrumentId.isEmpty()) {
            return known.get(0);
        }
        return known.stream().filter(i -> i.id().equals(instrumentId.get())).findFirst()
                .orElseThrow(() -> io.fairdraw.model.error.ValidationException.of("instrumentId", "is not one you deposited from"));
    }
}
