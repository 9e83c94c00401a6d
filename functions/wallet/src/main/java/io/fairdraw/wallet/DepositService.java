package io.fairdraw.wallet;

import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.Limits;
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
import io.fairdraw.platform.dynamo.ConditionFailures;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.payments.PaymentProvider;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.wallet.store.WalletStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Deposits. Starting one checks the player and counts it against every deposit limit in the
 * same transaction that records it, so no limit or exclusion can be slipped past by racing;
 * the provider's confirmed notification then credits the wallet exactly once, keyed by the
 * provider's payment id.
 */
@ApplicationScoped
public class DepositService {
    private static final Logger LOG = Logger.getLogger(DepositService.class);
    private static final int GUARD = 0;
    private static final int SETTINGS = 1;
    private static final int NEW_DEPOSIT = 2;
    private static final int FIRST_COUNTER = 3;

    private final Holders holders;
    private final WalletStore store;
    private final ComplianceGuard guard;
    private final Transactions transactions;
    private final Ledger ledger;
    private final TimeSource clock;
    private final String returnUrl;

    public DepositService(Holders holders, WalletStore store, ComplianceGuard guard, Transactions transactions, Ledger ledger,
            TimeSource clock, @ConfigProperty(name = "fairdraw.payments.return-url") String returnUrl) {
        this.holders = holders;
        this.store = store;
        this.guard = guard;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
        this.returnUrl = returnUrl;
    }

    /** Records and counts the deposit, then asks the provider for a payment; idempotent by deposit id. */
    public StartedDeposit start(Holders.Holder holder, String depositId, Money requested, PaymentProvider provider, AuditStamp stamp) {
        Money amount = holder.requireAmount(requested);
        Instant now = clock.now();
        Deposit deposit = new Deposit(depositId, holder.player().id(), amount, provider.name(), Optional.empty(), Deposit.Status.PENDING, now);
        boolean recordedBefore = record(holder, deposit, now, stamp);
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
    private boolean record(Holders.Holder holder, Deposit deposit, Instant now, AuditStamp stamp) {
        SafetySettings safety = guard.settings(holder.player().id());
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(guard.playerMayPlay(holder.player().id(), now));
        actions.add(guard.settingsUnchanged(holder.player().id(), safety));
        actions.add(store.newDeposit(deposit, stamp));
        ConditionFailures failures = ConditionFailures.none()
                .at(GUARD, () -> guard.refusalFor(holder.player().id(), now))
                .at(SETTINGS, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the limits changed during the request; retry"))
                .at(NEW_DEPOSIT, AlreadyRecorded::new);
        for (LimitWindow window : LimitWindow.values()) {
            LimitKey key = new LimitKey(LimitKind.DEPOSIT, window);
            Optional<Money> limit = Limits.applicable(safety.limit(key), holder.home(), now);
            failures.at(FIRST_COUNTER + window.ordinal(), () -> new DomainException(ErrorType.DEPOSIT_LIMIT_REACHED,
                    "this deposit would exceed your " + window.name().toLowerCase(java.util.Locale.ROOT) + "ly deposit limit"));
            actions.add(guard.count(holder.player().id(), key, holder.home(), now, deposit.amount(), limit));
        }
        try {
            transactions.write(actions, failures);
            return false;
        } catch (AlreadyRecorded again) {
            return true;
        }
    }

    /**
     * A verified deposit notification. A success credits the wallet once per provider payment
     * id and remembers the instrument for withdrawals; a failure marks the deposit failed.
     * A notification that names no deposit of ours, or another amount, is refused.
     */
    public void settle(PaymentProvider provider, PaymentEvent event, AuditStamp stamp) {
        Deposit deposit = store.deposit(event.merchantReference())
                .orElseThrow(() -> mismatch("no deposit " + event.merchantReference()));
        if (!deposit.provider().equals(provider.name()) || !deposit.amount().equals(event.amount())) {
            throw mismatch("the notification's provider or amount differs from deposit " + deposit.id());
        }
        if (!event.success()) {
            try {
                transactions.write(List.of(store.settleDeposit(deposit.id(), Deposit.Status.FAILED)), ConditionFailures.none()
                        .at(0, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "already credited")));
            } catch (DomainException alreadyCredited) {
                LOG.warnf("deposit %s failed after it was credited; left credited for review", deposit.id());
            }
            return;
        }
        AccountId wallet = AccountId.wallet(deposit.player(), deposit.amount().currency());
        Transfer credit = Transfer.of(TransferKind.DEPOSIT, provider.name() + ":" + event.providerPaymentId(),
                AccountId.clearing(provider.name(), deposit.amount().currency()), wallet, deposit.amount(), clock.now());
        List<TransactWriteItem> alongside = new ArrayList<>();
        alongside.add(store.markCredited(deposit.id()));
        event.instrumentReference().ifPresent(reference -> alongside.add(
                store.rememberInstrument(deposit.player(), new Instrument(provider.name(), reference), clock.now(), stamp)));
        Ledger.Outcome outcome = ledger.apply(credit, alongside, ConditionFailures.none(), stamp);
        LOG.infof("deposit %s: %s", deposit.id(), outcome instanceof Ledger.Applied ? "credited" : "already credited");
    }

    private static DomainException mismatch(String detail) {
        return new DomainException(ErrorType.WEBHOOK_MISMATCH, detail);
    }

    private static final class AlreadyRecorded extends DomainException {
        AlreadyRecorded() {
            super(ErrorType.CONCURRENT_UPDATE, "the deposit was already recorded");
        }
    }
}
