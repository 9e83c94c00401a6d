package io.fairdraw.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.testsupport.LocalDynamo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The transaction helper against DynamoDB Local, using the idempotency table as a scratch table
 * (its key is a plain string). A toy account with a balance that must never go negative stands in
 * for the money the real callers move.
 */
class TransactionsTest {
    private final DynamoDbClient dynamo = LocalDynamo.shared().client();
    private final Transactions transactions = new Transactions(dynamo);
    private final String table = Table.IDEMPOTENCY.defaultName();

    private static final class InsufficientFunds extends DomainException {
        InsufficientFunds() {
            super(ErrorType.AMOUNT_OUT_OF_RANGE, "the account does not cover the amount");
        }
    }

    @Test
    void aFailedConditionBecomesTheRefusalNamedForItsActionAndNothingIsWritten() {
        String from = account(100);
        String to = account(0);

        assertThatThrownBy(() -> transactions.write(transfer(from, to, 150)))
                .isInstanceOf(InsufficientFunds.class);

        assertThat(balance(from)).isEqualTo(100);
        assertThat(balance(to)).isZero();
    }

    @Test
    void aTransferMovesBothSidesOrNeither() {
        String from = account(100);
        String to = account(5);
        transactions.write(transfer(from, to, 60));
        assertThat(balance(from)).isEqualTo(40);
        assertThat(balance(to)).isEqualTo(65);
    }

    @Test
    void racingTransfersNeverOverdrawAndNeverLoseMoney() throws Exception {
        String from = account(1_000);
        String to = account(0);
        int attempts = 40;
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger conflicted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            runs.add(pool.submit(() -> {
                try {
                    transactions.write(transfer(from, to, 30));
                } catch (InsufficientFunds e) {
                    refused.incrementAndGet();
                } catch (DomainException e) {
                    assertThat(e.type()).isEqualTo(ErrorType.CONCURRENT_UPDATE);
                    conflicted.incrementAndGet();
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        long moved = 1_000 - balance(from);
        assertThat(balance(from)).isNotNegative();
        assertThat(balance(from) + balance(to)).isEqualTo(1_000);
        assertThat(moved).isEqualTo(30L * (attempts - refused.get() - conflicted.get()));
        assertThat(moved).isLessThanOrEqualTo(990);
    }

    @Test
    void aConditionFailureIsReportedEvenWhenAnotherActionConflicted() {
        List<CancellationReason> reasons = List.of(
                CancellationReason.builder().code("TransactionConflict").build(),
                CancellationReason.builder().code("None").build(),
                CancellationReason.builder().code("ConditionalCheckFailed").build());
        assertThat(Transactions.classify(reasons)).isEqualTo(new Transactions.Outcome(Transactions.Kind.CONDITION_FAILED, 2));
        assertThat(Transactions.classify(List.of(CancellationReason.builder().code("ThrottlingError").build())).kind())
                .isEqualTo(Transactions.Kind.THROTTLED);
        assertThat(Transactions.classify(List.of(CancellationReason.builder().code("ValidationError").build())).kind())
                .isEqualTo(Transactions.Kind.INVALID);
    }

    @Test
    void theRefusalIsTheOneNamedForTheActionWhoseConditionFailed() {
        String from = account(100);
        String to = account(0);
        String capped = account(0);
        Transaction transaction = transfer(from, to, 10).add("capped credit", credit(capped, 10, "balance < :cap"),
                () -> new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, "capped"));
        transactions.write(transaction);
        assertThat(transaction.names()).containsExactly("debit", "credit", "capped credit");

        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Table.Attributes.PARTITION_KEY, AttributeValue.fromS(capped),
                "balance", AttributeValue.fromN("50"))));
        assertThatThrownBy(() -> transactions.write(transfer(from, to, 10).add("capped credit", credit(capped, 10, "balance < :cap"),
                () -> new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, "capped"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.LIABILITY_LIMIT_REACHED));
        assertThat(balance(from)).isEqualTo(90);
        assertThat(balance(to)).isEqualTo(10);
    }

    @Test
    void aConditionThatStandsForNoRefusalIsAProgrammingErrorNamedByItsAction() {
        String from = account(100);
        String to = account(0);
        String other = account(0);
        assertThatThrownBy(() -> transactions.write(transfer(from, to, 1).add("unguarded", credit(other, 1, "attribute_not_exists(balance)"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unguarded");
        assertThat(balance(from)).isEqualTo(100);
    }

    @Test
    void transactionsAreBoundedByDynamoDbsLimitAndEveryActionIsNamed() {
        assertThatThrownBy(() -> transactions.write(Transaction.empty())).isInstanceOf(IllegalArgumentException.class);
        String to = account(0);
        Transaction tooMany = Transaction.empty();
        for (int i = 0; i <= Transactions.MAX_ACTIONS; i++) {
            tooMany.add("credit " + i, credit(to, 1, null));
        }
        assertThatThrownBy(() -> transactions.write(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(balance(to)).isZero();
        assertThatThrownBy(() -> Transaction.of(" ", credit(to, 1, null))).isInstanceOf(IllegalArgumentException.class);
    }

    private String account(long balance) {
        String id = "account#" + UUID.randomUUID();
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Table.Attributes.PARTITION_KEY, AttributeValue.fromS(id),
                "balance", AttributeValue.fromN(Long.toString(balance)))));
        return id;
    }

    private long balance(String id) {
        return Long.parseLong(dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(id)))).item().get("balance").n());
    }

    /** A debit guarded by the balance (refused as {@link InsufficientFunds}) and an unguarded credit. */
    private Transaction transfer(String from, String to, long amount) {
        AttributeValue value = AttributeValue.fromN(Long.toString(amount));
        Update debit = Update.builder().tableName(table)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(from)))
                .updateExpression("SET balance = balance - :amount")
                .conditionExpression("balance >= :amount")
                .expressionAttributeValues(Map.of(":amount", value))
                .build();
        return Transaction.of("debit", TransactWriteItem.builder().update(debit).build(), InsufficientFunds::new)
                .add("credit", credit(to, amount, null));
    }

    /** A credit of {@code amount}, conditioned on {@code condition} (which may name {@code :cap}, 50) when one is given. */
    private TransactWriteItem credit(String to, long amount, String condition) {
        Update.Builder credit = Update.builder().tableName(table)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(to)))
                .updateExpression("SET balance = balance + :amount");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":amount", AttributeValue.fromN(Long.toString(amount))));
        if (condition != null) {
            credit.conditionExpression(condition);
            if (condition.contains(":cap")) {
                values.put(":cap", AttributeValue.fromN("50"));
            }
        }
        return TransactWriteItem.builder().update(credit.expressionAttributeValues(values).build()).build();
    }
}
