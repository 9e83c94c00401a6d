package io.fairdraw.payments.adyen;

import static org.assertj.core.api.Assertions.assertThat;

import com.adyen.model.notification.NotificationRequest;
import com.adyen.util.HMACValidator;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.payments.PaymentProvider.WebhookRejected;
import java.time.Instant;
import java.util.List;

/**
 * Fuzz targets for Adyen's standard webhooks. Any body is refused unless every item carries a
 * valid HMAC; a notification whose items are all signed with the webhook's key, whatever their
 * fields, becomes events or is refused as malformed or stale; nothing else may escape. A normal
 * test run replays the corpus under src/test/resources/io/fairdraw/payments/adyen/AdyenWebhookFuzzTestInputs.
 */
class AdyenWebhookFuzzTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:07:33Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdyenWebhooks webhooks = new AdyenWebhooks(AdyenFixtures.HMAC_KEY, AdyenFixtures.MERCHANT_ACCOUNT);

    @FuzzTest(maxDuration = "110s")
    void anyUnsignedBodyIsRefused(FuzzedDataProvider data) {
        long ageSeconds = data.consumeLong(-7_200, 40L * 24 * 3600);
        String body = data.consumeRemainingAsString();
        try {
            List<PaymentEvent> events = webhooks.verify(body, RECEIVED.plusSeconds(ageSeconds));
            assertThat(events).as("a body without a valid HMAC was read").isNull();
        } catch (WebhookRejected refused) {
            assertThat(refused.reason()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "110s")
    void anySignedNotificationIsEventsOrRefusedAsMalformedOrStale(FuzzedDataProvider data) {
        long ageSeconds = data.consumeLong(-7_200, 40L * 24 * 3600);
        String unsigned = data.consumeRemainingAsString();
        String body = signed(unsigned);
        try {
            for (PaymentEvent event : webhooks.verify(body, RECEIVED.plusSeconds(ageSeconds))) {
                assertThat(event.providerPaymentId()).isNotBlank();
                assertThat(event.merchantReference()).isNotBlank();
                assertThat(event.amount().currency().code()).matches("[A-Z]{3}");
            }
        } catch (WebhookRejected refused) {
            if (body != unsigned && refused.reason() == WebhookRejected.Reason.SIGNATURE_INVALID) {
                // Only when the library, reading the signed text back, disagrees with its own signature.
                assertThat(librarySignaturesHold(body)).as("signed items refused as unsigned").isFalse();
            }
        }
    }

    private static boolean librarySignaturesHold(String body) {
        try {
            HMACValidator validator = new HMACValidator();
            for (var container : NotificationRequest.fromJson(body).getNotificationItemContainers()) {
                if (!validator.validateHMAC(container.getNotificationItem(), AdyenFixtures.HMAC_KEY)) {
                    return false;
                }
            }
            return true;
        } catch (Exception unreadable) {
            return false;
        }
    }

    /**
     * Every item signed as Adyen signs it, over the fields the library reads back; the same
     * instance when the text is no notification the library can read.
     */
    private static String signed(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            NotificationRequest parsed = NotificationRequest.fromJson(text);
            if (!(tree instanceof ObjectNode) || parsed == null || parsed.getNotificationItemContainers() == null
                    || !tree.path("notificationItems").isArray()) {
                return text;
            }
            int i = 0;
            for (JsonNode container : tree.get("notificationItems")) {
                if (!(container.get("NotificationRequestItem") instanceof ObjectNode item)
                        || parsed.getNotificationItemContainers().get(i).getNotificationItem() == null) {
                    return text;
                }
                String signature = new HMACValidator().calculateHMAC(parsed.getNotificationItemContainers().get(i++).getNotificationItem(),
                        AdyenFixtures.HMAC_KEY);
                ObjectNode additional = item.get("additionalData") instanceof ObjectNode present ? present : item.putObject("additionalData");
                additional.put("hmacSignature", signature);
            }
            return tree.toString();
        } catch (Exception unreadable) {
            return text;
        }
    }
}
