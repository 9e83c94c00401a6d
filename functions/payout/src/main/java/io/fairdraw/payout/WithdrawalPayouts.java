package io.fairdraw.payout;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.payments.PaymentProvider;
import io.fairdraw.payments.PaymentProviders;
import io.fairdraw.platform.compliance.SanctionsScreening;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.withdrawals.Withdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Pays a requested withdrawal through its provider, once. A withdrawal above the review limit of
 * its currency, one of a player under the minimum age of their home jurisdiction, or one whose
 * player's identity-check name now matches the sanctions list (screened
 * again before every payment, so a player listed after registering is still caught), is held for an
 * operator (REVIEW) until the back office approves it (APPROVED, paid
 * like a requested one without being held again) or rejects it (RETURNED). Otherwise the provider is asked to pay it
 * (guarded by {@link ProviderCalls}); accepted, it is SENT and its final word comes by webhook to
 * the wallet; refused outright (an answer that proves nothing was paid), the money goes back to
 * the wallet (RETURNED). When the outcome is unknown (timeouts, 5xx, an open circuit) the
 * withdrawal stays REQUESTED, where operators see it, and the message fails so SQS delivers it
 * again: the provider call is idempotent by the withdrawal's id, so asking again learns the first
 * call's outcome instead of paying twice.
 */
@ApplicationScoped
public class WithdrawalPayouts {
    private static final Logger LOG = Logger.getLogger(WithdrawalPayouts.class);

    private final Withdrawals withdrawals;
    private final PaymentProviders providers;
    private final ProviderCalls calls;
    private final PayoutSettings settings;
    private final TimeSource clock;
    private final Holders holders;
    private final SanctionsScreening screening;

    public WithdrawalPayouts(Withdrawals withdrawals, PaymentProviders providers, ProviderCalls calls, PayoutSettings settings,
            TimeSource clock, Holders holders, SanctionsScreening screening) {
        this.holders = holders;
        this.screening = screening;
        this.withdrawals = withdrawals;
        this.providers = providers;
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
    }

    public void pay(String withdrawalId, AuditStamp stamp) {
        Optional<Withdrawal> found = withdrawals.find(withdrawalId);
        if (found.isEmpty()) {
            LOG.warnf("withdrawal %s does not exist; ignored", withdrawalId);
            return;
        }
        Withdrawal withdrawal = found.get();
        if (withdrawal.status() != Withdrawal.Status.REQUESTED && withdrawal.status() != Withdrawal.Status.APPROVED) {
            LOG.infof("withdrawal %s is %s: nothing to pay", withdrawalId, withdrawal.status());
            return;
        }
        Long reviewAbove = settings.reviewAboveMinor().get(withdrawal.amount().currency().code());
        boolean approved = withdrawal.status() == Withdrawal.Status.APPROVED;
        Optional<String> hold = approved ? Optional.empty()
                : reviewAbove != null && withdrawal.amount().amountMinor() > reviewAbove ? Optional.of("above the review limit of " + reviewAbove)
                : underage(withdrawal).or(() -> sanctionsMatch(withdrawal).map(SanctionsScreening.Match::describe));
        if (hold.isPresent()) {
            withdrawals.mark(withdrawalId, Set.of(Withdrawal.Status.REQUESTED), Withdrawal.Status.REVIEW, hold, stamp);
            LOG.infof("withdrawal %s held for review: %s", withdrawalId, hold.get());
            return;
        }
        PaymentProvider provider = providers.named(withdrawal.instrument().provider());
        PaymentProvider.PayoutResult result = calls.payOut(provider, new PaymentProvider.PayoutRequest(withdrawal.id(), withdrawal.player(),
                withdrawal.amount(), withdrawal.instrument().reference()));
        if (result.accepted()) {
            withdrawals.mark(withdrawalId, Set.of(withdrawal.status()), Withdrawal.Status.SENT, Optional.of(result.providerPayoutId()),
                    stamp);
            LOG.infof("withdrawal %s sent to %s as %s", withdrawalId, provider.name(), result.providerPayoutId());
        } else {
            withdrawals.settle(withdrawal, false, result.refusalReason(), clock.now(), stamp);
            LOG.infof("withdrawal %s refused by %s (%s): returned to the wallet", withdrawalId, provider.name(),
                    result.refusalReason().orElse("no reason"));
        }
    }

    /**
     * A minor's balance is not paid out automatically: how it came to be and where it should go
     * (back to the payer, to a guardian, to the regulator) is an operator's case.
     */
    private Optional<String> underage(Withdrawal withdrawal) {
        return holders.findHolder(withdrawal.player())
                .map(holder -> AgeRule.of(holder.home()).check(holder.player().dateOfBirth(), clock.now()))
                .filter(Decision.Deny.class::isInstance)
                .map(deny -> "the player is under age: " + ((Decision.Deny) deny).detail());
    }

    private Optional<SanctionsScreening.Match> sanctionsMatch(Withdrawal withdrawal) {
        return holders.find(withdrawal.player())
                .flatMap(player -> player.screeningFingerprint()
                        .flatMap(fingerprint -> screening.screenFingerprint(fingerprint, player.dateOfBirth().value())));
    }
}
