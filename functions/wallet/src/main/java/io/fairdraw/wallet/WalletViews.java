package io.fairdraw.wallet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.ledger.Posting;
import io.fairdraw.platform.ledger.Statements;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the wallet answers, as JSON. Also what an Idempotency-Key replays, so these records are
 * serialised once when first answered and stored as they were.
 */
public final class WalletViews {
    private WalletViews() {
    }

    /** Money in JSON: an integer count of minor units and its ISO 4217 currency. */
    @Schema(name = "Money")
    public record MoneyView(@Schema(required = true, description = "minor units", examples = "150000") long amount,
            @Schema(required = true, examples = "IDR") String currency) {
        public static MoneyView of(Money money) {
            return new MoneyView(money.amountMinor(), money.currency().code());
        }
    }

    @Schema(name = "Wallet")
    public record WalletView(String currency, MoneyView available, MoneyView pendingWithdrawal) {
        public static WalletView of(WalletService.Balances balances) {
            return new WalletView(balances.available().currency().code(), MoneyView.of(balances.available()),
                    MoneyView.of(balances.pendingWithdrawal()));
        }
    }

    @Schema(name = "WalletTransaction")
    public record TransactionView(String transferId, String kind, MoneyView amount, String counterparty, Instant at) {
        static TransactionView of(Posting posting) {
            // Only the kind of the other account is shown: never another party's id.
            return new TransactionView(posting.transfer().value(), posting.kind().name(), MoneyView.of(posting.amount()),
                    posting.counterparty().type().name(), posting.at());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WalletStatement")
    public record StatementView(List<TransactionView> items, String next) {
        public static StatementView of(Statements.Page page) {
            return new StatementView(page.postings().stream().map(TransactionView::of).toList(), page.next().orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Deposit")
    public record DepositView(String depositId, String status, MoneyView amount, String provider, String providerPaymentId,
            String redirectUrl) {
        public static DepositView of(DepositService.StartedDeposit started) {
            return new DepositView(started.deposit().id(), started.deposit().status().name(), MoneyView.of(started.deposit().amount()),
                    started.deposit().provider(), started.session().providerPaymentId(), started.session().redirectUrl().orElse(null));
        }
    }

    @Schema(name = "Withdrawal")
    public record WithdrawalView(String withdrawalId, String status, MoneyView amount, String instrumentId, Instant requestedAt) {
        public static WithdrawalView of(Withdrawal withdrawal) {
            return new WithdrawalView(withdrawal.id(), withdrawal.status().name(), MoneyView.of(withdrawal.amount()),
                    withdrawal.instrument().id(), withdrawal.requestedAt());
        }
    }
}
