package io.fairdraw.payments.adyen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fairdraw.payments.adyen.AdyenFixtures.API_KEY;
import static io.fairdraw.payments.adyen.AdyenFixtures.PLAYER;
import static io.fairdraw.payments.adyen.AdyenFixtures.TOKEN;
import static io.fairdraw.payments.adyen.AdyenFixtures.WITHDRAWAL_ID;
import static io.fairdraw.payments.adyen.AdyenFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider.PayoutRequest;
import io.fairdraw.payments.PaymentProvider.PayoutResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Withdrawals against Adyen's Payout API as recorded in the fixtures. What matters most: only an
 * answer that proves no payout was made may refuse a withdrawal; anything that leaves the outcome
 * open is an error the caller retries under the same Idempotency-Key.
 */
class AdyenPayoutContractTest {
    private static final String PAYOUT = "/pal/servlet/Payout/v68/payout";
    private static final PayoutRequest WITHDRAWAL = new PayoutRequest(WITHDRAWAL_ID, PLAYER, Money.of(4000, "EUR"), TOKEN);
    @RegisterExtension
    static final RecordedAdyen RECORDED = new RecordedAdyen();

    @Test
    void aPayoutToTheStoredCardIsAcceptedAndAwaitsItsNotification() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(200, "payout-received.json")));

        PayoutResult result = RECORDED.provider().payOut(WITHDRAWAL);

        assertThat(result).isEqualTo(PayoutResult.accepted("V4HZ4RBFJGXXGN82"));
        RECORDED.server().verify(1, postRequestedFor(urlEqualTo(PAYOUT))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader("Idempotency-Key", equalTo(WITHDRAWAL_ID))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture("payout-request.json"))));
    }

    @Test
    void aRefusedPayoutIsRefusedWithAdyensReason() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(200, "payout-refused.json")));

        assertThat(RECORDED.provider().payOut(WITHDRAWAL))
                .isEqualTo(PayoutResult.refused("W7Q3S8ZKJ2M4PD82", "Transaction Not Permitted"));
    }

    @Test
    void aTokenAdyenDoesNotKnowForThePlayerIsRefused() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(422, "payout-error-422-unknown-token.json")));

        assertThat(RECORDED.provider().payOut(WITHDRAWAL))
                .isEqualTo(PayoutResult.refused("Z9D4X6C2LQ7BNV82", "803: PaymentDetail not found"));
    }

    @Test
    void aPayoutStillInProgressUnderTheSameKeyIsNeverRefused() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(422, "payout-error-422-in-progress.json")));

        assertUnavailable();
    }

    @Test
    void aValidationErrorMarkedTransientIsNeverRefused() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(422, "payout-error-422-unknown-token.json").withHeader("Transient-Error", "true")));

        assertUnavailable();
    }

    @Test
    void anInternalErrorLeavesTheOutcomeOpen() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(500, "payout-error-500.json")));

        assertUnavailable();
    }

    @Test
    void anAnswerThatIsNotJsonLeavesTheOutcomeOpen() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")));

        assertUnavailable();
    }

    @Test
    void rupiahArePaidOutInWholeUnits() {
        RECORDED.server().stubFor(post(PAYOUT).willReturn(json(200, "payout-received.json")));

        RECORDED.provider().payOut(new PayoutRequest(WITHDRAWAL_ID, PLAYER, Money.of(25_000_000, "IDR"), TOKEN));

        RECORDED.server().verify(postRequestedFor(urlEqualTo(PAYOUT))
                .withRequestBody(equalToJson("{\"amount\":{\"currency\":\"IDR\",\"value\":250000}}", false, true)));
    }

    private void assertUnavailable() {
        assertThatThrownBy(() -> RECORDED.provider().payOut(WITHDRAWAL))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE));
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }
}
