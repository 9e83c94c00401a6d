package io.fairdraw.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final CurrencyCode IDR = CurrencyCode.of("IDR");

    @Test
    void addsAndSubtractsExactlyInMinorUnits() {
        Money a = Money.of(150_000, "IDR");
        Money b = Money.of(2_500, "IDR");
        assertThat(a.plus(b)).isEqualTo(Money.of(152_500, "IDR"));
        assertThat(b.minus(a)).isEqualTo(Money.of(-147_500, "IDR"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.times(3)).isEqualTo(Money.of(450_000, "IDR"));
    }

    @Test
    void refusesToOverflowInsteadOfWrapping() {
        Money max = new Money(Long.MAX_VALUE, IDR);
        assertThatThrownBy(() -> max.plus(new Money(1, IDR)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.AMOUNT_OUT_OF_RANGE));
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE, IDR).minus(new Money(1, IDR)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE, IDR).negate()).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, IDR).times(2)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "IDR").plus(Money.of(1, "SGD")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.CURRENCY_MISMATCH));
        assertThatThrownBy(() -> Money.of(1, "IDR").compareTo(Money.of(1, "SGD"))).isInstanceOf(DomainException.class);
    }

    @Test
    void additionIsAssociativeAndSubtractionUndoesIt() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 1_000; i++) {
            Money a = new Money(random.nextLong() >> 3, IDR);
            Money b = new Money(random.nextLong() >> 3, IDR);
            Money c = new Money(random.nextLong() >> 3, IDR);
            assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
            assertThat(a.plus(b).minus(b)).isEqualTo(a);
        }
    }

    @Test
    void knowsTheMinorUnitOfEachCurrency() {
        assertThat(CurrencyCode.of("EUR").minorDigits()).isEqualTo(2);
        assertThat(CurrencyCode.of("JPY").minorDigits()).isZero();
        assertThat(CurrencyCode.of("KWD").minorDigits()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "idr", "ID", "IDRX", "QQQ", "XAU", "XXX", "1DR"})
    void refusesCodesThatAreNotCurrenciesWithAMinorUnit(String code) {
        assertThatThrownBy(() -> CurrencyCode.of(code)).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesANullCurrency() {
        assertThatThrownBy(() -> CurrencyCode.of(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    }
}
