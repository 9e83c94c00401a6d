package io.fairdraw.model.money;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import java.util.Objects;

/**
 * An amount of one currency as a whole number of its minor unit (cents, sen, fils). There is no
 * floating point anywhere near money: arithmetic is exact, refuses to overflow, and refuses to
 * combine two currencies.
 */
public record Money(long amountMinor, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(exact(() -> Math.addExact(amountMinor, other.amountMinor)), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(exact(() -> Math.subtractExact(amountMinor, other.amountMinor)), currency);
    }

    public Money times(long factor) {
        return new Money(exact(() -> Math.multiplyExact(amountMinor, factor)), currency);
    }

    public Money negate() {
        return new Money(exact(() -> Math.negateExact(amountMinor)), currency);
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new DomainException(ErrorType.CURRENCY_MISMATCH,
                    "cannot combine " + currency + " with " + other.currency);
        }
    }

    private static long exact(java.util.function.LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (ArithmeticException overflow) {
            throw new DomainException(ErrorType.AMOUNT_OUT_OF_RANGE, "the amount overflows a 64-bit count of minor units");
        }
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency + " (minor units)";
    }
}
