package io.fairdraw.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.money.Money;
import io.fairdraw.testsupport.FaultInjector;
import io.fairdraw.testsupport.LocalDynamo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A long seeded run of deposits and withdrawals through a DynamoDB client that loses a share of
 * requests and of answers. Each operation is retried by its caller until it is known to have
 * happened or been refused, as a Lambda retry would. At the end every wallet holds exactly what
 * its applied transfers say, and the ledger reconciles: nothing lost, nothing doubled.
 */
class LedgerFaultTest {
    private static final long SEED = 20261123L;
    private static final int OPERATIONS = 400;
    private static final int WALLETS = 6;
    private static final int MAX_TRIES = 20;

    @Test
    void retriedOperationsThroughLostRequestsAndAnswersAreAppliedExactlyOnce() {
        FaultInjector faults = new FaultInjector(SEED, 0.15, 0.15);
        Ledger faulty = LedgerTest.ledgerOn(LocalDynamo.shared().clientWith(faults));
        Ledger clean = LedgerTest.ledgerOn(LocalDynamo.shared().client());
        Random random = new Random(SEED);
        List<AccountId> wallets = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            wallets.add(LedgerTest.newWallet());
        }
        Map<AccountId, Long> expected = new HashMap<>();
        int refused = 0;
        for (int op = 0; op < OPERATIONS; op++) {
            AccountId wallet = wallets.get(random.nextInt(WALLETS));
            long amount = 1 + random.nextInt(500);
            String cause = "fault-" + SEED + "-" + op + "-" + wallet.owner();
            Transfer transfer = random.nextInt(3) == 0
                    ? LedgerTest.withdrawal(wallet, cause, amount)
                    : LedgerTest.deposit(wallet, cause, amount);
            if (applyUntilKnown(faulty, transfer)) {
                long sign = transfer.credit().equals(wallet) ? 1 : -1;
                expected.merge(wallet, sign * amount, Long::sum);
            } else {
                refused++;
            }
        }

        assertThat(faults.lostRequests()).isPositive();
        assertThat(faults.lostAnswers()).isPositive();
        assertThat(refused).isPositive();
        for (AccountId wallet : wallets) {
            assertThat(clean.balance(wallet)).as(wallet.value()).isEqualTo(Money.of(expected.getOrDefault(wallet, 0L), "IDR"));
        }
        assertThat(new LedgerReconciler(clean).breaches()).isEmpty();
    }

    /** True when the transfer is applied (now or before), false when the ledger refused it. */
    private static boolean applyUntilKnown(Ledger ledger, Transfer transfer) {
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            try {
                ledger.apply(transfer, LedgerTest.STAMP);
                return true;
            } catch (DomainException e) {
                if (e.type() == ErrorType.INSUFFICIENT_FUNDS) {
                    return false;
                }
                // A conflict or an unavailable store: try the same cause again.
            } catch (SdkException lost) {
                // The SDK gave up retrying; the transfer may or may not have happened. Try again.
            }
        }
        throw new AssertionError("the transfer " + transfer.id() + " never became known");
    }
}
