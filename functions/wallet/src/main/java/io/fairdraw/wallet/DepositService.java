package io.fairdraw.wallet;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.players.LimitCounters;
import io.fairdraw.platform.monitoring.SecurityEvents;
import io.fairdraw.payments.PaymentProvider;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.wallet.store.WalletStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deposits. Starting one checks the player and counts it against every deposit limit in the
 * same transaction that records it, so no limit, exclusion or age rule can be slipped past by
 * racing; the provider's confirmed notification of the payment the deposit started then credits
 * the wallet exactly once per deposit.
 */
@ApplicationScoped
public class DepositService {
    private static final Logger LOG = Logger.getLogger(DepositService.class);

    private final Holders holders;
    private final WalletStore store;
    private final ComplianceGuard guard;
    private final Transactions transactions;
    private final Ledger ledger;
    private final TimeSource clock;
    private final String returnUrl;
    private final SecurityEvents security;

    public DepositService(Holders holders, WalletStore store, ComplianceGuard guard, Transactions transactions, Ledger ledger,
            TimeSource clock, @ConfigProperty(name = "fairdraw.payments.return-url") String returnUrl, SecurityEvents security) {
        this.security = security;
        this.holders = holders;
        this.store = store;
        this.guard = guard;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
        this.returnUrl = returnUrl;
    }

    /** Records and counts the deposit, then asks the provider for a payment; idempotent by deposit id. */
    public StartedDeposit start(Holders.Holder holder, AgeRule age, String depositId, Money requested, PaymentProvider provider,
            AuditStamp stamp) {
        Money amount = holder.requireAmount(requested);
        Instant now = clock.now();
        Deposit deposit = new Deposit(depositId, holder.player().id(), amount, provider.name(), Optional.empty(), Deposit.Status.PENDING, now,
                Optional.empty());
        boolean recordedBefore = record(holder, age, deposit, now, stamp);
        PaymentProvider.PaymentSession session = provider.startDeposit(
                new PaymentProvider.DepositRequest(depositId, holder.player().id(), amount, returnUrl));
        store.attachPayment(depositId, session.providerPaymentId());
        LOG.infof("deposit %s of %s started with %s%s", depositId, holder.player().id(), provider.name(), recordedBefore ? " (again)" : "");
        return new StartedDeposit(deposit, session);
    }

    /** A deposit and what the player does next to pay it. */
    public record StartedDeposit(Deposit deposit, PaymentProvider.PaymentSession session) {
    }

    /** True when the deposit was already recorded by an earlier attempt of the same request. */
    private boolean record(Holders.Holder holder, AgeRule age, Deposit deposit, Instant now, AuditStamp stamp) {
        SafetySettings safety = guard.settings(holder.player().id());
        Transaction recorded = Transaction.of("player may play", guard.playerMayPlay(holder.player().id(), age, now),
                        () -> guard.refusalFor(holder.player().id(), age, now))
                .add("limits unchanged", guard.settingsUnchanged(holder.player().id(), safety),
                        () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the limits changed during the request; retry"))
                .add("new deposit", store.newDeposit(deposit, stamp), AlreadyRecorded::new);
        LimitCounters.Raise deposits = guard.raise(holder.player().id(), LimitKind.DEPOSIT, safety, holder.home(), now, deposit.amount());
        recorded.add("deposit counters", deposits.update(), deposits::refusal);
        try {
            transactions.write(recorded);
            return false;
        } catch (AlreadyRecorded again) {
            return true;
        }
    }

    /**
     * A verified deposit notification. It acts only on the deposit it names, and only if it is a
     * notification of the very payment that deposit started: the same provider, amount and
     * currency, and the payment id the provider gave at the start. Anything else is refused,
     * recorded as a security event and credits nothing. A success credits the wallet exactly once
     * per deposit (the transfer's id derives from the deposit's) and remembers the instrument for
     * withdrawals; a failure marks the deposit failed.
     */
    public void settle(PaymentProvider provider, PaymentEvent event, AuditStamp stamp) {
        Deposit deposit = store.deposit(event.merchantReference())
                .orElseThrow(() -> refuse(SecurityEvents.Kind.PAYMENT_NOTIFICATION_MISMATCH, provider, event, "it names no deposit of ours"));
        Optional<String> mismatch = mismatch(provider, deposit, event);
        if (mismatch.isPresent()) {
            throw refuse(SecurityEvents.Kind.PAYMENT_NOTIFICATION_MISMATCH, provider, event, mismatch.get());
        }
        if (!event.succeeded()) {
            try {
                transactions.write(Transaction.of("deposit failed", store.settleDeposit(deposit.id(), Deposit.Status.FAILED),
                        () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "already credited")));
            } catch (DomainException alreadyCredited) {
                LOG.warnf("deposit %s failed after it was credited; left credited for review", deposit.id());
            }
            return;
        }
        String startedAs = deposit.providerPaymentId().orElseThrow();
        AccountId wallet = AccountId.wallet(deposit.player(), deposit.amount().currency());
        Transfer credit = Transfer.of(TransferKind.DEPOSIT, deposit.id(), AccountId.clearing(provider.name(), deposit.amount().currency()),
                wallet, deposit.amount(), clock.now());
        Transaction alongside = Transaction.of("deposit credited", store.markCredited(deposit.id(), startedAs, event.providerPaymentId()),
                () -> refuse(SecurityEvents.Kind.PAYMENT_NOTIFICATION_MISMATCH, provider, event, "the deposit changed under the notification"));
        event.instrumentReference().ifPresent(reference -> alongside.add("instrument",
                store.rememberInstrument(deposit.player(), new Instrument(provider.name(), reference), clock.now(), stamp)));
        if (ledger.apply(credit, alongside, stamp) instanceof Ledger.Applied) {
            LOG.infof("deposit %s credited by payment %s", deposit.id(), event.providerPaymentId());
            return;
        }
        Optional<String> creditedBy = store.deposit(deposit.id()).flatMap(Deposit::creditedPaymentId);
        if (creditedBy.isPresent() && !creditedBy.get().equals(event.providerPaymentId())) {
            // The provider took the money twice for one deposit: the second payment is for an operator to refund.
            throw refuse(SecurityEvents.Kind.DEPOSIT_PAID_TWICE, provider, event, "deposit " + deposit.id()
                    + " was already credited by payment " + creditedBy.get());
        }
        LOG.infof("deposit %s already credited by payment %s", deposit.id(), event.providerPaymentId());
    }

    /** Why the notification is not one of the payment {@code deposit} started, if it is not. */
    private static Optional<String> mismatch(PaymentProvider provider, Deposit deposit, PaymentEvent event) {
        if (!deposit.provider().equals(provider.name())) {
            return Optional.of("deposit " + deposit.id() + " was made with " + deposit.provider());
        }
        if (!deposit.amount().equals(event.amount())) {
            return Optional.of("the amount or currency differs from deposit " + deposit.id());
        }
        if (deposit.providerPaymentId().isEmpty()) {
            return Optional.of("deposit " + deposit.id() + " has no payment started with the provider");
        }
        if (!event.startedAs().equals(deposit.providerPaymentId())) {
            return Optional.of("the payment is not the one deposit " + deposit.id() + " started");
        }
        return Optional.empty();
    }

    private DomainException refuse(SecurityEvents.Kind kind, PaymentProvider provider, PaymentEvent event, String why) {
        security.record(kind, provider.name() + " notification of payment " + event.providerPaymentId() + " refused: " + why);
        return new DomainException(ErrorType.WEBHOOK_MISMATCH, "the notification does not match the deposit it names");
    }

    private static final class AlreadyRecorded extends DomainException {
        AlreadyRecorded() {
            super(ErrorType.CONCURRENT_UPDATE, "the deposit was already recorded");
        }
    }
}
