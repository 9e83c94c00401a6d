package io.fairdraw.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.testsupport.LocalDynamo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LedgerTest {
    static final CurrencyCode IDR = CurrencyCode.of("IDR");
    static final AuditStamp STAMP = new AuditStamp("test", new RequestId("ledger-test"));

    static Ledger ledgerOn(DynamoDbClient dynamo) {
        return new Ledger(dynamo, new Transactions(dynamo), Table.ACCOUNTS.defaultName(), Table.POSTINGS.defaultName(),
                Table.TRANSFERS.defaultName());
    }

    final Ledger ledger = ledgerOn(LocalDynamo.shared().client());
    final Statements statements = new Statements(ledger);
    final LedgerReconciler reconciler = new LedgerReconciler(ledger);

    static AccountId newWallet() {
        return AccountId.wallet(PlayerId.derive("https://issuer.test", "ledger-" + UUID.randomUUID()), IDR);
    }

    static Transfer deposit(AccountId wallet, String paymentId, long amount) {
        return Transfer.of(TransferKind.DEPOSIT, paymentId, AccountId.clearing("sandbox", IDR), wallet, Money.of(amount, "IDR"), Instant.now());
    }

    static Transfer withdrawal(AccountId wallet, String withdrawalId, long amount) {
        AccountId pending = AccountId.pendingWithdrawal(new PlayerId(wallet.owner()), IDR);
        return Transfer.of(TransferKind.WITHDRAWAL_REQUESTED, withdrawalId, wallet, pending, Money.of(amount, "IDR"), Instant.now());
    }

    @Test
    void aDepositCreditsTheWalletOnceHoweverOftenItIsApplied() {
        AccountId wallet = newWallet();
        Transfer deposit = deposit(wallet, "psp-" + UUID.randomUUID(), 150_000);

        assertThat(ledger.apply(deposit, STAMP)).isInstanceOf(Ledger.Applied.class);
        assertThat(ledger.apply(deposit, STAMP)).isInstanceOf(Ledger.AlreadyApplied.class);
        assertThat(ledger.apply(Transfer.of(deposit.kind(), deposit.reference(), deposit.debit(), deposit.credit(), deposit.amount(),
                Instant.now().plusSeconds(5)), STAMP)).isInstanceOf(Ledger.AlreadyApplied.class);

        assertThat(ledger.balance(wallet)).isEqualTo(Money.of(150_000, "IDR"));
        assertThat(statements.page(wallet, Optional.empty(), 10).postings()).hasSize(1);
    }

    @Test
    void theSameCauseWithAnotherAmountIsAConflictNotASecondCredit() {
        AccountId wallet = newWallet();
        String paymentId = "psp-" + UUID.randomUUID();
        ledger.apply(deposit(wallet, paymentId, 100), STAMP);
        assertThatThrownBy(() -> ledger.apply(deposit(wallet, paymentId, 999), STAMP))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TRANSFER_CONFLICT));
        assertThat(ledger.balance(wallet)).isEqualTo(Money.of(100, "IDR"));
    }

    @Test
    void aWalletIsNeverOverdrawnAndAnUncoveredDebitWritesNothing() {
        AccountId wallet = newWallet();
        assertThatThrownBy(() -> ledger.apply(withdrawal(wallet, "w-" + UUID.randomUUID(), 1), STAMP))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INSUFFICIENT_FUNDS));
        ledger.apply(deposit(wallet, "psp-" + UUID.randomUUID(), 50), STAMP);
        assertThatThrownBy(() -> ledger.apply(withdrawal(wallet, "w-" + UUID.randomUUID(), 51), STAMP)).isInstanceOf(DomainException.class);
        assertThat(ledger.apply(withdrawal(wallet, "w-" + UUID.randomUUID(), 50), STAMP)).isInstanceOf(Ledger.Applied.class);
        assertThat(ledger.balance(wallet)).isEqualTo(Money.zero(IDR));
        assertThat(statements.page(wallet, Optional.empty(), 10).postings()).hasSize(2);
    }

    @Test
    void sixtyFourParallelDebitsCommitExactlyTheCoveredOnes() throws Exception {
        AccountId wallet = newWallet();
        ledger.apply(deposit(wallet, "psp-" + UUID.randomUUID(), 1_000), STAMP);
        int debits = 64;
        long each = 45; // 1000 covers 22 of them, with 10 left over.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < debits; i++) {
            String id = "w-" + UUID.randomUUID();
            results.add(pool.submit((Callable<Boolean>) () -> applyRetryingConflicts(withdrawal(wallet, id, each))));
        }
        int committed = 0;
        for (Future<Boolean> result : results) {
            committed += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(committed).isEqualTo(22);
        assertThat(ledger.balance(wallet)).isEqualTo(Money.of(10, "IDR"));
        assertThat(reconciler.breaches()).isEmpty();
    }

    /** Applies a debit, retrying only when it lost a race (never when the wallet did not cover it). */
    private boolean applyRetryingConflicts(Transfer transfer) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                ledger.apply(transfer, STAMP);
                return true;
            } catch (DomainException e) {
                if (e.type() == ErrorType.INSUFFICIENT_FUNDS) {
                    return false;
                }
                assertThat(e.type()).isEqualTo(ErrorType.CONCURRENT_UPDATE);
            }
        }
        throw new AssertionError("a debit kept conflicting");
    }

    @Test
    void statementsPageNewestFirstWithOpaqueCursors() {
        AccountId wallet = newWallet();
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        for (int i = 0; i < 25; i++) {
            ledger.apply(Transfer.of(TransferKind.DEPOSIT, "psp-page-" + UUID.randomUUID(), AccountId.clearing("sandbox", IDR), wallet,
                    Money.of(i + 1, "IDR"), start.plusSeconds(i)), STAMP);
        }
        List<Posting> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Statements.Page page = statements.page(wallet, cursor, 10);
            all.addAll(page.postings());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertThat(all).hasSize(25);
        assertThat(all.get(0).amount()).isEqualTo(Money.of(25, "IDR"));
        assertThat(all.get(24).amount()).isEqualTo(Money.of(1, "IDR"));
        Set<Object> ids = new HashSet<>();
        all.forEach(p -> ids.add(p.transfer()));
        assertThat(ids).hasSize(25);

        for (String forged : new String[] {"not-base64!", "djE6bm9wZQ", ""}) {
            assertThatThrownBy(() -> statements.page(wallet, Optional.of(forged), 10))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_CURSOR));
        }
        assertThatThrownBy(() -> statements.page(wallet, Optional.empty(), Statements.MAX_PAGE_SIZE + 1)).isInstanceOf(DomainException.class);
    }
}
