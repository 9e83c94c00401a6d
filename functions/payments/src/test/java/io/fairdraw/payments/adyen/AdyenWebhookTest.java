package io.fairdraw.payments.adyen;

import static io.fairdraw.payments.adyen.AdyenFixtures.DEPOSIT_ID;
import static io.fairdraw.payments.adyen.AdyenFixtures.HMAC_KEY;
import static io.fairdraw.payments.adyen.AdyenFixtures.SESSION_ID;
import static io.fairdraw.payments.adyen.AdyenFixtures.TOKEN;
import static io.fairdraw.payments.adyen.AdyenFixtures.WITHDRAWAL_ID;
import static io.fairdraw.payments.adyen.AdyenFixtures.signed;
import static io.fairdraw.payments.adyen.AdyenFixtures.tampered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.payments.PaymentProvider.WebhookRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Standard webhooks: signed with the library's HMACValidator under a test key, then delivered as Adyen would, or worse. */
class AdyenWebhookTest {
    // The authorisation fixture's eventDate, 2026-03-02T10:07:31+01:00, and two seconds later.
    private static final Instant AUTHORISED_AT = Instant.parse("2026-03-02T09:07:31Z");
    private static final Instant RECEIVED = AUTHORISED_AT.plusSeconds(2);
    private static final String OTHER_KEY = "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90";

    private final AdyenProvider provider = new AdyenProvider(AdyenFixtures.Config.test("http://127.0.0.1:9"));

    @Test
    void aSignedAuthorisationIsADepositWithTheStoredCard() throws WebhookRejected {
        List<PaymentEvent> events = verify(signed("notification-authorisation.json", HMAC_KEY), RECEIVED);

        assertThat(events).containsExactly(new PaymentEvent(PaymentEvent.Kind.DEPOSIT, "QFQTPCQ8HXSKGK82", DEPOSIT_ID,
                Money.of(2500, "EUR"), PaymentEvent.Outcome.SUCCEEDED, Optional.of(TOKEN), Optional.empty(), Optional.of(SESSION_ID)));
    }

    @Test
    void anOlderNotificationNamesTheCardByItsRecurringDetailReference() throws WebhookRejected {
        String legacy = signed("notification-authorisation.json", HMAC_KEY,
                item -> item.withObjectProperty("additionalData").remove("tokenization.storedPaymentMethodId"));

        assertThat(verify(legacy, RECEIVED)).singleElement().satisfies(e -> assertThat(e.instrumentReference()).contains(TOKEN));
    }

    @Test
    void aRefusedAuthorisationIsAFailedDepositWithItsReasonAndNoCard() throws WebhookRejected {
        List<PaymentEvent> events = verify(signed("notification-authorisation-refused.json", HMAC_KEY), RECEIVED);

        assertThat(events).containsExactly(new PaymentEvent(PaymentEvent.Kind.DEPOSIT, "R2KX9MZJB5TQ7C82", DEPOSIT_ID,
                Money.of(2500, "EUR"), PaymentEvent.Outcome.FAILED, Optional.empty(), Optional.of("CVC Declined"), Optional.of(SESSION_ID)));
    }

    @Test
    void aThirdPartyPayoutIsAPaidWithdrawal() throws WebhookRejected {
        List<PaymentEvent> events = verify(signed("notification-payout-thirdparty.json", HMAC_KEY), Instant.parse("2026-03-05T13:21:50Z"));

        assertThat(events).containsExactly(new PaymentEvent(PaymentEvent.Kind.PAYOUT, "V4HZ4RBFJGXXGN82", WITHDRAWAL_ID,
                Money.of(4000, "EUR"), PaymentEvent.Outcome.SUCCEEDED, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void aFailedThirdPartyPayoutCarriesItsReason() throws WebhookRejected {
        String failed = signed("notification-payout-thirdparty.json", HMAC_KEY,
                item -> item.put("success", "false").put("reason", "Transaction Not Permitted"));

        assertThat(verify(failed, Instant.parse("2026-03-05T13:21:50Z"))).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(PaymentEvent.Outcome.FAILED);
            assertThat(e.reason()).contains("Transaction Not Permitted");
        });
    }

    @Test
    void aReversedPayoutFailsTheWithdrawalItNames() throws WebhookRejected {
        List<PaymentEvent> events = verify(signed("notification-paidout-reversed.json", HMAC_KEY), Instant.parse("2026-03-07T08:12:06Z"));

        assertThat(events).containsExactly(new PaymentEvent(PaymentEvent.Kind.PAYOUT, "PFR6Q5DMZ2C8HK82", WITHDRAWAL_ID,
                Money.of(4000, "EUR"), PaymentEvent.Outcome.FAILED, Optional.empty(), Optional.of("PAIDOUT_REVERSED: Account closed"), Optional.empty()));
    }

    @Test
    void rupiahFromAdyenAreCountedInFairdrawsMinorUnits() throws WebhookRejected {
        String rupiah = signed("notification-authorisation.json", HMAC_KEY,
                item -> item.withObjectProperty("amount").put("currency", "IDR").put("value", 1_500_000));

        assertThat(verify(rupiah, RECEIVED)).singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(Money.of(150_000_000, "IDR")));
    }

    @Test
    void aTamperedAmountBreaksTheSignature() {
        String tampered = tampered(signed("notification-authorisation.json", HMAC_KEY), item -> item.withObjectProperty("amount").put("value", 250000));

        assertRejected(tampered, RECEIVED, WebhookRejected.Reason.SIGNATURE_INVALID);
    }

    @Test
    void aTamperedOutcomeBreaksTheSignature() {
        String tampered = tampered(signed("notification-authorisation-refused.json", HMAC_KEY), item -> item.put("success", "true"));

        assertRejected(tampered, RECEIVED, WebhookRejected.Reason.SIGNATURE_INVALID);
    }

    @Test
    void aNotificationSignedWithAnotherKeyIsRefused() {
        assertRejected(signed("notification-authorisation.json", OTHER_KEY), RECEIVED, WebhookRejected.Reason.SIGNATURE_INVALID);
    }

    @Test
    void anUnsignedNotificationIsRefused() {
        String unsigned = tampered(signed("notification-authorisation.json", HMAC_KEY), item -> item.withObjectProperty("additionalData").remove("hmacSignature"));

        assertRejected(unsigned, RECEIVED, WebhookRejected.Reason.SIGNATURE_INVALID);
    }

    @Test
    void oneForgedItemRefusesTheWholeNotification() {
        String good = signed("notification-authorisation.json", HMAC_KEY);
        String forged = signed("notification-payout-thirdparty.json", OTHER_KEY);
        String both = AdyenFixtures.batch(good, forged);

        assertRejected(both, RECEIVED, WebhookRejected.Reason.SIGNATURE_INVALID);
    }

    @Test
    void whatIsNotANotificationIsMalformed() {
        assertRejected("not json at all", RECEIVED, WebhookRejected.Reason.MALFORMED);
        assertRejected("", RECEIVED, WebhookRejected.Reason.MALFORMED);
        assertRejected("{\"live\":\"false\",\"notificationItems\":[]}", RECEIVED, WebhookRejected.Reason.MALFORMED);
        assertRejected("{\"live\":\"false\",\"notificationItems\":[{}]}", RECEIVED, WebhookRejected.Reason.MALFORMED);
        assertRejected("{\"notificationItems\":{\"NotificationRequestItem\":{}}}", RECEIVED, WebhookRejected.Reason.MALFORMED);
    }

    @Test
    void aSignedDepositWithoutAnAmountIsMalformed() {
        String noAmount = signed("notification-authorisation.json", HMAC_KEY, item -> item.remove("amount"));

        assertRejected(noAmount, RECEIVED, WebhookRejected.Reason.MALFORMED);
    }

    @Test
    void aSignedAmountInAnUnknownCurrencyIsMalformed() {
        String unknown = signed("notification-authorisation.json", HMAC_KEY, item -> item.withObjectProperty("amount").put("currency", "XYZ"));

        assertRejected(unknown, RECEIVED, WebhookRejected.Reason.MALFORMED);
    }

    @Test
    void adyensRetriesAreAcceptedForThirtyDays() throws WebhookRejected {
        assertThat(verify(signed("notification-authorisation.json", HMAC_KEY), AUTHORISED_AT.plus(Duration.ofDays(30)))).hasSize(1);
    }

    @Test
    void aNotificationOlderThanAdyenRetriesIsStale() {
        assertRejected(signed("notification-authorisation.json", HMAC_KEY), AUTHORISED_AT.plus(Duration.ofDays(32)), WebhookRejected.Reason.STALE);
    }

    @Test
    void aNotificationFromTheFutureIsStale() {
        assertRejected(signed("notification-authorisation.json", HMAC_KEY), AUTHORISED_AT.minus(Duration.ofHours(2)), WebhookRejected.Reason.STALE);
    }

    @Test
    void aNotificationWithoutAnEventDateIsJudgedBySignatureAlone() throws WebhookRejected {
        String undated = signed("notification-authorisation.json", HMAC_KEY, item -> item.remove("eventDate"));

        assertThat(verify(undated, AUTHORISED_AT.plus(Duration.ofDays(400)))).hasSize(1);
    }

    @Test
    void anotherMerchantAccountsEventsAreNotOurs() throws WebhookRejected {
        String elsewhere = signed("notification-authorisation.json", HMAC_KEY, item -> item.put("merchantAccountCode", "FairdrawPOS"));

        assertThat(verify(elsewhere, RECEIVED)).isEmpty();
    }

    @Test
    void eventsTheWalletDoesNotActOnAreAcceptedAndIgnored() throws WebhookRejected {
        String capture = signed("notification-authorisation.json", HMAC_KEY, item -> item.put("eventCode", "CAPTURE"));
        String failedReversal = signed("notification-paidout-reversed.json", HMAC_KEY, item -> item.put("success", "false"));

        assertThat(verify(capture, RECEIVED)).isEmpty();
        assertThat(verify(failedReversal, Instant.parse("2026-03-07T08:12:06Z"))).isEmpty();
    }

    private List<PaymentEvent> verify(String body, Instant receivedAt) throws WebhookRejected {
        return provider.verify(Map.of("Content-Type", "application/json"), body, receivedAt);
    }

    private void assertRejected(String body, Instant receivedAt, WebhookRejected.Reason reason) {
        assertThatThrownBy(() -> verify(body, receivedAt))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
