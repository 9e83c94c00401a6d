package io.fairdraw.model.money;

import io.fairdraw.model.error.ValidationException;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with a minor unit. Funds, metals and "no currency" codes (which have no
 * minor unit) are refused, because every amount in Fairdraw is an integer count of minor units.
 */
public record CurrencyCode(String code) {
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        if (code == null || !ALPHA3.matcher(code).matches()) {
            throw ValidationException.of("currency", "must be an ISO 4217 code of three capital letters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("currency", "is not an ISO 4217 currency: " + code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw ValidationException.of("currency", "has no minor unit: " + code);
        }
    }

    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    /** Digits after the decimal point of one major unit (2 for EUR, 0 for JPY, 3 for KWD). */
    public int minorDigits() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return code;
    }
}
