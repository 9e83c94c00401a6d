package io.fairdraw.payments.adyen;

import com.adyen.model.ApiError;
import com.adyen.model.InvalidField;
import com.adyen.model.checkout.CreateCheckoutSessionRequest;
import com.adyen.model.checkout.CreateCheckoutSessionResponse;
import com.adyen.model.notification.NotificationRequest;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.model.notification.NotificationRequestItemContainer;
import com.adyen.model.payout.PayoutRequest;
import com.adyen.model.payout.PayoutResponse;
import com.adyen.model.payout.Recurring;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Adyen model classes this adapter writes and reads, for the native image: Jackson (Checkout,
 * Payout, errors) and Gson (notifications) reach them only by reflection. The library's jar is
 * not indexed, so nested enums are not found through their outer class and are listed too.
 */
@RegisterForReflection(targets = {
        CreateCheckoutSessionRequest.class,
        CreateCheckoutSessionRequest.ChannelEnum.class,
        CreateCheckoutSessionRequest.ModeEnum.class,
        CreateCheckoutSessionRequest.RecurringProcessingModelEnum.class,
        CreateCheckoutSessionRequest.ShopperInteractionEnum.class,
        CreateCheckoutSessionRequest.StoreFiltrationModeEnum.class,
        CreateCheckoutSessionRequest.StorePaymentMethodModeEnum.class,
        CreateCheckoutSessionResponse.class,
        CreateCheckoutSessionResponse.ChannelEnum.class,
        CreateCheckoutSessionResponse.ModeEnum.class,
        CreateCheckoutSessionResponse.RecurringProcessingModelEnum.class,
        CreateCheckoutSessionResponse.ShopperInteractionEnum.class,
        CreateCheckoutSessionResponse.StoreFiltrationModeEnum.class,
        CreateCheckoutSessionResponse.StorePaymentMethodModeEnum.class,
        com.adyen.model.checkout.Amount.class,
        PayoutRequest.class,
        PayoutRequest.ShopperInteractionEnum.class,
        PayoutResponse.class,
        PayoutResponse.ResultCodeEnum.class,
        com.adyen.model.payout.Amount.class,
        Recurring.class,
        Recurring.ContractEnum.class,
        Recurring.TokenServiceEnum.class,
        ApiError.class,
        InvalidField.class,
        NotificationRequest.class,
        NotificationRequestItemContainer.class,
        NotificationRequestItem.class,
        com.adyen.model.notification.Amount.class
})
final class AdyenModels {
    private AdyenModels() {
    }
}
