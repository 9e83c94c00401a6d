package io.fairdraw.backoffice.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.backoffice.store.PaymentMatching.Books;
import io.fairdraw.backoffice.store.PaymentMatching.Credit;
import io.fairdraw.backoffice.store.PaymentMatching.Deposit;
import io.fairdraw.backoffice.store.PaymentMatching.Discrepancy;
import io.fairdraw.backoffice.store.PaymentMatching.Kind;
import io.fairdraw.backoffice.store.PaymentMatching.Settled;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three-way match of deposits, ledger credits and the provider's settled payments, case by case. */
class PaymentMatchingTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Deposit credited(String id, long amount, String payment) {
        return new Deposit(id, "sandbox", amount, "IDR", "CREDITED", Optional.of(payment));
    }

    private static Credit credit(String reference, long amount, int minute) {
        return new Credit(reference, amount, "IDR", T0.plusSeconds(60L * minute));
    }

    private static Settled settled(String payment, String reference, long amount, int minute) {
        return new Settled(payment, reference, amount, "IDR", T0.plusSeconds(60L * minute));
    }

    private static List<Kind> kinds(Books books) {
        return books.discrepancies().stream().map(Discrepancy::kind).toList();
    }

    @Test
    void creditedDepositsEachSettledOnceBalance() {
        Books books = PaymentMatching.reconcile("sandbox",
                List.of(credited("dep_a", 300, "psp_a"), credited("dep_b", 400, "psp_b"),
                        new Deposit("dep_c", "sandbox", 50, "IDR", "PENDING", Optional.empty())),
                List.of(credit("dep_a", 300, 1), credit("dep_b", 400, 2)),
                Optional.of(List.of(settled("psp_a", "dep_a", 300, 1), settled("psp_b", "dep_b", 400, 2))));
        assertThat(books.balanced()).isTrue();
        assertThat(books.matched()).isEqualTo(2);
        assertThat(books.currencies()).containsExactly(new PaymentMatching.Totals("IDR", 700, 700));
        assertThat(books.discrepancies()).isEmpty();
    }

    @Test
    void theOldDoubleCreditIsCaughtAsACreditWithoutADepositAndAPaymentThatCreditedNothing() {
        // Before the binding: A credited by B's payment (cause "sandbox:psp_b"), then by its own; B never credited.
        Books books = PaymentMatching.reconcile("sandbox",
                List.of(credited("dep_a", 300, "psp_a"), new Deposit("dep_b", "sandbox", 300, "IDR", "PENDING", Optional.empty())),
                List.of(credit("sandbox:psp_b", 300, 1), credit("dep_a", 300, 2)),
                Optional.of(List.of(settled("psp_a", "dep_a", 300, 1), settled("psp_b", "dep_b", 300, 1))));
        assertThat(books.balanced()).isFalse();
        assertThat(kinds(books)).contains(Kind.CREDIT_WITHOUT_DEPOSIT, Kind.SETTLED_NOT_CREDITED);
        // Without the provider's report the ledger alone already shows the orphan credit.
        Books internal = PaymentMatching.reconcile("sandbox", List.of(credited("dep_a", 300, "psp_a")),
                List.of(credit("sandbox:psp_b", 300, 1), credit("dep_a", 300, 2)), Optional.empty());
        assertThat(internal.balanced()).isFalse();
        assertThat(kinds(internal)).containsExactly(Kind.CREDIT_WITHOUT_DEPOSIT);
    }

    @Test
    void onePaymentCreditingTwoDepositsAndAmountsThatDifferAreFound() {
        Books books = PaymentMatching.reconcile("sandbox",
                List.of(credited("dep_a", 300, "psp_x"), credited("dep_b", 300, "psp_x"), credited("dep_c", 500, "psp_c")),
                List.of(credit("dep_a", 300, 1), credit("dep_b", 300, 1), credit("dep_c", 499, 1)),
                Optional.empty());
        assertThat(kinds(books)).containsExactlyInAnyOrder(Kind.PAYMENT_CREDITED_TWICE, Kind.CREDIT_AMOUNT_DIFFERS);
        assertThat(books.balanced()).isFalse();
    }

    @Test
    void theProvidersDisagreementsAreNamedAndALaterCreditAwaitsTheNextReport() {
        Books books = PaymentMatching.reconcile("sandbox",
                List.of(credited("dep_a", 300, "psp_a"), credited("dep_b", 400, "psp_b"), credited("dep_c", 100, "psp_c"),
                        credited("dep_d", 200, "psp_d"), new Deposit("dep_e", "sandbox", 1, "IDR", "CREDITED", Optional.of("psp_e"))),
                List.of(credit("dep_a", 300, 1), credit("dep_b", 400, 2), credit("dep_c", 100, 3), credit("dep_d", 200, 60)),
                Optional.of(List.of(settled("psp_a", "dep_a", 300, 1), settled("psp_a", "dep_a", 300, 1), settled("psp_b", "dep_b", 401, 2),
                        settled("psp_z", "dep_z", 900, 5))));
        assertThat(kinds(books)).containsExactlyInAnyOrder(Kind.SETTLED_TWICE, Kind.SETTLED_DIFFERS, Kind.SETTLED_NOT_CREDITED,
                Kind.CREDITED_NOT_SETTLED, Kind.CREDITED_WITHOUT_CREDIT);
        // dep_d was credited after the report's last line: the next report will carry it.
        assertThat(books.awaitingSettlement()).isEqualTo(1);
        assertThat(books.matched()).isEqualTo(1);
        assertThat(books.balanced()).isFalse();
    }
}
