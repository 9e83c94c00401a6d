package io.fairdraw.backoffice.store;

import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.TransferKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Reads one provider's deposits and the ledger's credits of them from the reporting store and
 * reconciles them ({@link PaymentMatching}), with the provider's settlement report when one is
 * given. Call inside {@link Reporting#read}.
 */
@ApplicationScoped
public class PaymentBooks {
    public Uni<PaymentMatching.Books> reconcile(String provider, Optional<List<PaymentMatching.Settled>> report) {
        Uni<List<DepositRow>> deposits = DepositRow.<DepositRow>list("provider = ?1 and removed = false", provider);
        Uni<List<TransferRow>> credits = TransferRow.<TransferRow>list("kind = ?1 and debit like ?2", TransferKind.DEPOSIT.name(),
                AccountType.PAYMENT_CLEARING.prefix() + ":" + provider + ":%");
        return deposits.chain(rows -> credits.map(transfers -> PaymentMatching.reconcile(provider,
                rows.stream().map(PaymentBooks::deposit).toList(),
                transfers.stream().filter(t -> isClearingOf(t.debit, provider)).map(PaymentBooks::credit).toList(),
                report)));
    }

    /** {@code like} treats '_' as a wildcard: the account is checked exactly here. */
    private static boolean isClearingOf(String account, String provider) {
        AccountId id = new AccountId(account);
        return id.type() == AccountType.PAYMENT_CLEARING && account.equals(AccountId.clearing(provider, id.currency()).value());
    }

    private static PaymentMatching.Deposit deposit(DepositRow row) {
        return new PaymentMatching.Deposit(row.id, row.provider, row.amountMinor, row.currency, row.status,
                Optional.ofNullable(row.creditedPaymentId));
    }

    private static PaymentMatching.Credit credit(TransferRow row) {
        return new PaymentMatching.Credit(row.reference, row.amountMinor, row.currency, row.at);
    }
}
