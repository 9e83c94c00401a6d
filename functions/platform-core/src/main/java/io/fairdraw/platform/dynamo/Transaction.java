package io.fairdraw.platform.dynamo;

import io.fairdraw.model.error.DomainException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The actions of one {@code TransactWriteItems}, each under a name, and for an action whose
 * condition guards a rule, the refusal a failed condition stands for. DynamoDB reports a
 * cancellation by the position of the action; the names turn that position back into "the
 * sales gate" or "the net-loss counter for the day", so no caller counts positions by hand.
 *
 * <p>An action added without a refusal has no condition that can fail in normal operation; if
 * one does, the write fails as a defect naming that action.
 */
public final class Transaction {
    private record Action(String name, TransactWriteItem item, Supplier<? extends DomainException> refusal) {
    }

    private final List<Action> actions = new ArrayList<>();

    private Transaction() {
    }

    /** A transaction with no actions yet. */
    public static Transaction empty() {
        return new Transaction();
    }

    /** A transaction of one action whose failed condition means {@code refusal}. */
    public static Transaction of(String name, TransactWriteItem item, Supplier<? extends DomainException> refusal) {
        return empty().add(name, item, refusal);
    }

    /** A transaction of one action whose condition, if it has one, never fails in normal operation. */
    public static Transaction of(String name, TransactWriteItem item) {
        return empty().add(name, item);
    }

    /** Adds an action whose failed condition means {@code refusal}. */
    public Transaction add(String name, TransactWriteItem item, Supplier<? extends DomainException> refusal) {
        actions.add(new Action(requireName(name), Objects.requireNonNull(item, "item"), Objects.requireNonNull(refusal, "refusal")));
        return this;
    }

    /** Adds an action whose condition, if it has one, never fails in normal operation. */
    public Transaction add(String name, TransactWriteItem item) {
        actions.add(new Action(requireName(name), Objects.requireNonNull(item, "item"), null));
        return this;
    }

    /** Adds actions of one kind without conditions that can fail, named {@code name[0]}, {@code name[1]}, …. */
    public Transaction addAll(String name, Collection<TransactWriteItem> items) {
        int i = 0;
        for (TransactWriteItem item : items) {
            add(name + "[" + i++ + "]", item);
        }
        return this;
    }

    /** Adds another transaction's actions after these, with their names and refusals. */
    public Transaction addAll(Transaction other) {
        actions.addAll(other.actions);
        return this;
    }

    public int size() {
        return actions.size();
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The actions in order, as DynamoDB receives them. */
    public List<TransactWriteItem> items() {
        return actions.stream().map(Action::item).toList();
    }

    /** The actions' names in order. */
    public List<String> names() {
        return actions.stream().map(Action::name).toList();
    }

    /** The name of the action at {@code index}, as DynamoDB numbers them. */
    public String nameAt(int index) {
        return index >= 0 && index < actions.size() ? actions.get(index).name() : "action " + index;
    }

    /** The refusal for a failed condition of the action at {@code index}. */
    DomainException refusalAt(int index) {
        Action action = index >= 0 && index < actions.size() ? actions.get(index) : null;
        if (action == null || action.refusal() == null) {
            throw new IllegalStateException("the condition of " + nameAt(index) + " failed, and that condition stands for no refusal");
        }
        return action.refusal().get();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every action of a transaction has a name");
        }
        return name;
    }
}
