package io.fairdraw.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {
    static final CurrencyCode IDR = CurrencyCode.of("IDR");
    static final PlayerId ALICE = PlayerId.derive("iss", "alice");
    static final AccountId WALLET = AccountId.wallet(ALICE, IDR);
    static final AccountId CLEARING = AccountId.clearing("sandbox", IDR);
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void accountIdsCarryTheirTypeOwnerAndCurrency() {
        assertThat(WALLET.value()).isEqualTo("wallet:" + ALICE.value() + ":IDR");
        assertThat(WALLET.type()).isEqualTo(AccountType.PLAYER_WALLET);
        assertThat(WALLET.owner()).isEqualTo(ALICE.value());
        assertThat(WALLET.currency()).isEqualTo(IDR);
        assertThat(AccountId.house("4d-jakarta", IDR).type()).isEqualTo(AccountType.HOUSE);
        for (String bad : new String[] {"wallet:x", "bank:x:IDR", "wallet:x:idr", "wallet:a b:IDR", "wallet:x:ZZZ"}) {
            assertThatThrownBy(() -> new AccountId(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void onlyExternalAccountsMayGoNegative() {
        assertThat(AccountType.PAYMENT_CLEARING.mayGoNegative()).isTrue();
        assertThat(AccountType.OPERATOR_CAPITAL.mayGoNegative()).isTrue();
        assertThat(AccountType.PLAYER_WALLET.mayGoNegative()).isFalse();
        assertThat(AccountType.HOUSE.mayGoNegative()).isFalse();
        assertThat(AccountType.PENDING_WITHDRAWAL.mayGoNegative()).isFalse();
    }

    @Test
    void oneCauseHasOneTransferId() {
        assertThat(TransferId.of(TransferKind.DEPOSIT, "psp-123")).isEqualTo(TransferId.of(TransferKind.DEPOSIT, "psp-123"));
        assertThat(TransferId.of(TransferKind.DEPOSIT, "psp-123")).isNotEqualTo(TransferId.of(TransferKind.DEPOSIT, "psp-124"));
        assertThat(TransferId.of(TransferKind.DEPOSIT, "x")).isNotEqualTo(TransferId.of(TransferKind.REFUND, "x"));
    }

    @Test
    void aTransferMovesAPositiveAmountBetweenTwoAccountsOfItsCurrency() {
        Transfer deposit = Transfer.of(TransferKind.DEPOSIT, "psp-1", CLEARING, WALLET, Money.of(150_000, "IDR"), AT);
        assertThat(deposit.id()).isEqualTo(TransferId.of(TransferKind.DEPOSIT, "psp-1"));
        assertThatThrownBy(() -> Transfer.of(TransferKind.DEPOSIT, "psp-2", CLEARING, WALLET, Money.of(0, "IDR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.of(TransferKind.DEPOSIT, "psp-3", CLEARING, WALLET, Money.of(-5, "IDR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.of(TransferKind.DEPOSIT, "psp-4", WALLET, WALLET, Money.of(5, "IDR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.of(TransferKind.DEPOSIT, "psp-5", CLEARING, WALLET, Money.of(5, "SGD"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transfer(TransferId.of(TransferKind.DEPOSIT, "other"), CLEARING, WALLET,
                Money.of(5, "IDR"), TransferKind.DEPOSIT, "psp-6", AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconciliationFindsEveryBreach() {
        Money hundred = Money.of(100, "IDR");
        List<Reconciliation.Posting> postings = List.of(
                new Reconciliation.Posting(CLEARING, hundred.negate()), new Reconciliation.Posting(WALLET, hundred));
        assertThat(Reconciliation.breaches(Map.of(CLEARING, hundred.negate(), WALLET, hundred), postings)).isEmpty();

        assertThat(Reconciliation.breaches(Map.of(CLEARING, hundred.negate(), WALLET, Money.of(101, "IDR")), postings))
                .anyMatch(b -> b.contains("postings sum to 100")).anyMatch(b -> b.contains("sum to 1, not zero"));
        assertThat(Reconciliation.breaches(Map.of(CLEARING, hundred, WALLET, hundred.negate()),
                List.of(new Reconciliation.Posting(CLEARING, hundred), new Reconciliation.Posting(WALLET, hundred.negate()))))
                .anyMatch(b -> b.contains("is negative"));
        assertThat(Reconciliation.breaches(Map.of(CLEARING, hundred.negate()), postings))
                .anyMatch(b -> b.contains("no balance"));
    }
}
