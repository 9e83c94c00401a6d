package io.fairdraw.wallet.entry;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.model.validation.Validation;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the wallet routes. Amounts are whole minor units; a fraction is malformed JSON for us. */
final class WalletBodies {
    private WalletBodies() {
    }

    @Schema(name = "MoneyRequest")
    record MoneyBody(@Schema(required = true) Long amount, @Schema(required = true) String currency) {
        Money toMoney(String field) {
            Validation validation = new Validation();
            Long minor = validation.field(field + ".amount", () -> Checks.present(amount, "amount"));
            CurrencyCode code = validation.field(field + ".currency", () -> CurrencyCode.of(currency));
            validation.throwIfInvalid();
            return new Money(minor, code);
        }
    }

    @Schema(name = "DepositRequest")
    record DepositBody(@Schema(required = true) MoneyBody amount, @Schema(required = true, examples = "sandbox") String provider) {
        Money money() {
            return Checks.present(amount, "amount").toMoney("amount");
        }

        String providerName() {
            return Checks.text(provider, "provider", 40);
        }
    }

    @Schema(name = "WithdrawalRequest")
    record WithdrawalBody(@Schema(required = true) MoneyBody amount,
            @Schema(description = "an instrument you deposited from; the most recent when absent") String instrumentId) {
        Money money() {
            return Checks.present(amount, "amount").toMoney("amount");
        }

        Optional<String> instrument() {
            return Optional.ofNullable(instrumentId).map(id -> Checks.text(id, "instrumentId", 250));
        }
    }
}
