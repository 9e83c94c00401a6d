package io.fairdraw.payments.adyen;

import static com.adyen.model.notification.NotificationRequestItem.EVENT_CODE_AUTHORISATION;
import static com.adyen.model.notification.NotificationRequestItem.EVENT_CODE_PAIDOUT_REVERSED;
import static com.adyen.model.notification.NotificationRequestItem.EVENT_CODE_PAYOUT_DECLINE;
import static com.adyen.model.notification.NotificationRequestItem.EVENT_CODE_PAYOUT_EXPIRE;
import static com.adyen.model.notification.NotificationRequestItem.EVENT_CODE_PAYOUT_THIRDPARTY;

import com.adyen.model.notification.NotificationRequest;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.model.notification.NotificationRequestItemContainer;
import com.adyen.util.HMACValidator;
import com.google.gson.JsonParseException;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.payments.PaymentProvider.WebhookRejected;
import java.io.IOException;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Adyen's standard webhooks. Each item carries its own HMAC in {@code additionalData.hmacSignature},
 * checked with the library's {@link HMACValidator}; one bad item refuses the whole notification.
 *
 * <p>Freshness: the HMAC covers pspReference, originalReference, merchantAccountCode,
 * merchantReference, amount, eventCode and success, not {@code eventDate}. A window on
 * {@code eventDate} therefore cannot stop a deliberate replay; it only refuses notifications
 * that are plainly not current deliveries. It is wider than Adyen's retry queue (30 days), so a
 * genuine retry is never refused and never blocks the queue. Replays are made harmless where
 * Adyen says they should be, by de-duplication: the wallet credits once per provider payment id.
 */
final class AdyenWebhooks {
    static final Duration MAX_AGE = Duration.ofDays(31);
    static final Duration MAX_AHEAD = Duration.ofHours(1);
    private static final List<String> PAYOUT_UNDONE = List.of(EVENT_CODE_PAYOUT_DECLINE, EVENT_CODE_PAYOUT_EXPIRE, EVENT_CODE_PAIDOUT_REVERSED);
    // Newer API versions name the token storedPaymentMethodId; older ones recurringDetailReference.
    private static final String CHECKOUT_SESSION_ID = "checkoutSessionId";
    private static final List<String> TOKEN_KEYS = List.of("tokenization.storedPaymentMethodId", "recurring.recurringDetailReference");

    private final HMACValidator validator = new HMACValidator();
    private final String hmacKey;
    private final String merchantAccount;

    AdyenWebhooks(String hmacKey, String merchantAccount) {
        this.hmacKey = hmacKey;
        this.merchantAccount = merchantAccount;
    }

    List<PaymentEvent> verify(String body, Instant receivedAt) throws WebhookRejected {
        List<NotificationRequestItem> items = items(body);
        for (NotificationRequestItem item : items) {
            requireSigned(item);
        }
        for (NotificationRequestItem item : items) {
            requireCurrent(item, receivedAt);
        }
        List<PaymentEvent> events = new ArrayList<>();
        for (NotificationRequestItem item : items) {
            // A company-level webhook also reports the company's other merchant accounts.
            if (merchantAccount.equals(item.getMerchantAccountCode())) {
                event(item).ifPresent(events::add);
            }
        }
        return List.copyOf(events);
    }

    private static List<NotificationRequestItem> items(String body) throws WebhookRejected {
        NotificationRequest request;
        try {
            request = NotificationRequest.fromJson(body == null ? "" : body);
        } catch (JsonParseException | IOException e) {
            throw malformed("the body is not an Adyen notification");
        }
        List<NotificationRequestItemContainer> containers = request == null ? null : request.getNotificationItemContainers();
        if (containers == null || containers.isEmpty()) {
            throw malformed("the notification has no items");
        }
        List<NotificationRequestItem> items = new ArrayList<>();
        for (NotificationRequestItemContainer container : containers) {
            if (container == null || container.getNotificationItem() == null) {
                throw malformed("a notification item is empty");
            }
            items.add(container.getNotificationItem());
        }
        return items;
    }

    private void requireSigned(NotificationRequestItem item) throws WebhookRejected {
        try {
            if (!validator.validateHMAC(item, hmacKey)) {
                throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE_INVALID, "the HMAC signature does not match");
            }
        } catch (IllegalArgumentException unsigned) {
            throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE_INVALID, "a notification item carries no HMAC signature");
        } catch (SignatureException e) {
            throw new IllegalStateException("the configured HMAC key cannot be used", e);
        }
    }

    private static void requireCurrent(NotificationRequestItem item, Instant receivedAt) throws WebhookRejected {
        if (item.getEventDate() == null) {
            return;
        }
        Instant eventAt = item.getEventDate().toInstant();
        if (eventAt.isBefore(receivedAt.minus(MAX_AGE)) || eventAt.isAfter(receivedAt.plus(MAX_AHEAD))) {
            throw new WebhookRejected(WebhookRejected.Reason.STALE, "the notification's eventDate is outside the replay window");
        }
    }

    private static Optional<PaymentEvent> event(NotificationRequestItem item) throws WebhookRejected {
        String code = item.getEventCode() == null ? "" : item.getEventCode();
        if (code.equals(EVENT_CODE_AUTHORISATION)) {
            return Optional.of(event(PaymentEvent.Kind.DEPOSIT, item, PaymentEvent.Outcome.of(item.isSuccess()),
                    item.isSuccess() ? token(item.getAdditionalData()) : Optional.empty(), failure(item), sessionOf(item.getAdditionalData())));
        }
        if (code.equals(EVENT_CODE_PAYOUT_THIRDPARTY)) {
            return Optional.of(event(PaymentEvent.Kind.PAYOUT, item, PaymentEvent.Outcome.of(item.isSuccess()), Optional.empty(), failure(item), Optional.empty()));
        }
        if (PAYOUT_UNDONE.contains(code) && item.isSuccess()) {
            // success=true means the decline, expiry or reversal happened: the money did not reach the player.
            // The event keeps its own pspReference, so that de-duplication by provider id can never merge a
            // reversal into the payout it reverses; merchantReference names the withdrawal.
            String reason = item.getReason() == null || item.getReason().isBlank() ? code : code + ": " + item.getReason();
            return Optional.of(event(PaymentEvent.Kind.PAYOUT, item, PaymentEvent.Outcome.FAILED, Optional.empty(), Optional.of(reason), Optional.empty()));
        }
        return Optional.empty();
    }

    private static PaymentEvent event(PaymentEvent.Kind kind, NotificationRequestItem item, PaymentEvent.Outcome outcome, Optional<String> instrument,
            Optional<String> reason, Optional<String> session) throws WebhookRejected {
        return new PaymentEvent(kind, required(item.getPspReference(), "pspReference"), required(item.getMerchantReference(), "merchantReference"),
                amount(item), outcome, instrument, reason, session);
    }

    /**
     * The Checkout session the payment was made in: a Sessions-flow AUTHORISATION carries it in
     * {@code additionalData.checkoutSessionId}. The wallet recorded the session's id when the
     * deposit started and credits only a payment of that session. The HMAC does not cover it, but
     * it covers the deposit's reference, the amount and the pspReference: whoever edits the session
     * id of a genuine item can only make the wallet refuse it, never credit another deposit.
     */
    private static Optional<String> sessionOf(Map<String, String> additionalData) {
        return Optional.ofNullable(additionalData).map(data -> data.get(CHECKOUT_SESSION_ID))
                .filter(id -> !id.isBlank() && id.length() <= PaymentEvent.MAX_REFERENCE_LENGTH && id.chars().allMatch(c -> c > 0x20 && c < 0x7F));
    }

    private static Money amount(NotificationRequestItem item) throws WebhookRejected {
        if (item.getAmount() == null || item.getAmount().getValue() == null || item.getAmount().getCurrency() == null) {
            throw malformed("the notification names no amount");
        }
        try {
            return AdyenAmounts.fromAdyen(item.getAmount().getValue(), item.getAmount().getCurrency());
        } catch (ArithmeticException | DomainException e) {
            throw malformed("the notification's amount is not one Fairdraw can hold");
        }
    }

    private static Optional<String> token(Map<String, String> additionalData) {
        if (additionalData == null) {
            return Optional.empty();
        }
        return TOKEN_KEYS.stream().map(additionalData::get).filter(t -> t != null && !t.isBlank()).findFirst();
    }

    private static Optional<String> failure(NotificationRequestItem item) {
        // On success Adyen fills reason with authCode:cardSummary:expiry, which is no failure reason.
        return item.isSuccess() ? Optional.empty() : Stream.ofNullable(item.getReason()).filter(r -> !r.isBlank()).findFirst();
    }

    private static String required(String value, String name) throws WebhookRejected {
        if (value == null || value.isBlank()) {
            throw malformed("the notification has no " + name);
        }
        if (value.length() > PaymentEvent.MAX_REFERENCE_LENGTH || value.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw malformed("the notification's " + name + " is not a reference Fairdraw issues or accepts");
        }
        return value;
    }

    private static WebhookRejected malformed(String message) {
        return new WebhookRejected(WebhookRejected.Reason.MALFORMED, message);
    }
}
