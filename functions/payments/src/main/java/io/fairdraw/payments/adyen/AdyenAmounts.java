package io.fairdraw.payments.adyen;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import java.util.Map;

/**
 * Fairdraw counts minor units as ISO 4217 defines them, and so does Adyen except for four
 * currencies where its own table is leading (https://docs.adyen.com/development-resources/currency-codes):
 * CLP and ISK take two decimals at Adyen (none in ISO 4217), CVE and IDR none (two in ISO 4217).
 * Every other currency passes through unchanged.
 */
final class AdyenAmounts {
    private static final Map<String, Integer> ADYEN_DECIMALS = Map.of("CLP", 2, "ISK", 2, "CVE", 0, "IDR", 0);

    private AdyenAmounts() {
    }

    /**
     * The value Adyen expects for {@code money}.
     *
     * @throws ArithmeticException when Adyen cannot express the amount (IDR with cents) or it overflows
     */
    static long toAdyen(Money money) {
        return rescale(money.amountMinor(), shift(money.currency()));
    }

    /**
     * The amount Adyen reported as {@code value} in {@code currency}.
     *
     * @throws ArithmeticException when the value has more precision than Fairdraw's minor unit or overflows
     */
    static Money fromAdyen(long value, String currency) {
        CurrencyCode code = CurrencyCode.of(currency);
        return new Money(rescale(value, -shift(code)), code);
    }

    /** Decimal places to add (positive) or drop (negative) going from Fairdraw's minor unit to Adyen's. */
    private static int shift(CurrencyCode currency) {
        return ADYEN_DECIMALS.getOrDefault(currency.code(), currency.minorDigits()) - currency.minorDigits();
    }

    private static long rescale(long value, int shift) {
        long factor = 1;
        for (int i = 0; i < Math.abs(shift); i++) {
            factor *= 10;
        }
        if (shift >= 0) {
            return Math.multiplyExact(value, factor);
        }
        if (value % factor != 0) {
            throw new ArithmeticException(value + " has more decimals than the target unit holds");
        }
        return value / factor;
    }
}
