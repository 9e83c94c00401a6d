package io.fairdraw.payments.adyen;

import com.adyen.model.checkout.CreateCheckoutSessionRequest;
import com.adyen.model.payout.PayoutRequest;
import com.adyen.model.payout.Recurring;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider;

/** The Adyen requests behind the port's calls; Fairdraw's own ids become Adyen's references. */
final class AdyenRequests {
    private AdyenRequests() {
    }

    /**
     * A Hosted Checkout session: Adyen's page takes the card (and 3-D Secure), so the web client
     * only follows {@code url}. The card is stored for payouts ({@code enablePayOut}) without
     * asking, because withdrawals go back to the instrument deposited from: a deposit whose card
     * could not be paid back to is not offered.
     */
    static CreateCheckoutSessionRequest session(PaymentProvider.DepositRequest deposit, String merchantAccount) {
        return new CreateCheckoutSessionRequest()
                .merchantAccount(merchantAccount)
                .amount(new com.adyen.model.checkout.Amount()
                        .currency(deposit.amount().currency().code())
                        .value(adyenValue(deposit.amount())))
                .reference(deposit.depositId())
                .shopperReference(deposit.player().value())
                .returnUrl(deposit.returnUrl())
                .mode(CreateCheckoutSessionRequest.ModeEnum.HOSTED)
                .shopperInteraction(CreateCheckoutSessionRequest.ShopperInteractionEnum.ECOMMERCE)
                .recurringProcessingModel(CreateCheckoutSessionRequest.RecurringProcessingModelEnum.CARDONFILE)
                .storePaymentMethodMode(CreateCheckoutSessionRequest.StorePaymentMethodModeEnum.ENABLED)
                .enablePayOut(true);
    }

    /** An instant card payout to the token a deposit left, which Adyen only accepts for the same shopper. */
    static PayoutRequest payout(PaymentProvider.PayoutRequest withdrawal, String merchantAccount) {
        return new PayoutRequest()
                .merchantAccount(merchantAccount)
                .amount(new com.adyen.model.payout.Amount()
                        .currency(withdrawal.amount().currency().code())
                        .value(adyenValue(withdrawal.amount())))
                .reference(withdrawal.withdrawalId())
                .shopperReference(withdrawal.player().value())
                .selectedRecurringDetailReference(withdrawal.instrumentReference())
                .recurring(new Recurring().contract(Recurring.ContractEnum.PAYOUT))
                .shopperInteraction(PayoutRequest.ShopperInteractionEnum.CONTAUTH);
    }

    private static long adyenValue(Money amount) {
        try {
            return AdyenAmounts.toAdyen(amount);
        } catch (ArithmeticException inexpressible) {
            throw ValidationException.of("amount", "Adyen cannot take " + amount + ": " + inexpressible.getMessage());
        }
    }
}
