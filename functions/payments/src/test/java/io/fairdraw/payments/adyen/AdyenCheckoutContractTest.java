package io.fairdraw.payments.adyen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fairdraw.payments.adyen.AdyenFixtures.API_KEY;
import static io.fairdraw.payments.adyen.AdyenFixtures.DEPOSIT_ID;
import static io.fairdraw.payments.adyen.AdyenFixtures.PLAYER;
import static io.fairdraw.payments.adyen.AdyenFixtures.RETURN_URL;
import static io.fairdraw.payments.adyen.AdyenFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider.DepositRequest;
import io.fairdraw.payments.PaymentProvider.PaymentSession;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deposits against Adyen's Checkout API as recorded in the fixtures, served on a loopback port. */
class AdyenCheckoutContractTest {
    private static final String SESSIONS = "/v71/sessions";
    @RegisterExtension
    static final RecordedAdyen RECORDED = new RecordedAdyen();

    @Test
    void aDepositCreatesAHostedCheckoutSessionAndReturnsItsPage() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(okJson(fixture("checkout-sessions-response.json"))));

        PaymentSession session = RECORDED.provider().startDeposit(new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(2500, "EUR"), RETURN_URL));

        assertThat(session.providerPaymentId()).isEqualTo("CS6B11058E72127704");
        assertThat(session.redirectUrl()).contains("https://checkoutshopper-test.adyen.com/checkoutshopper/pay/CS6B11058E72127704");
        RECORDED.server().verify(1, postRequestedFor(urlEqualTo(SESSIONS))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader("Idempotency-Key", equalTo(DEPOSIT_ID))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture("checkout-sessions-request.json"))));
    }

    @Test
    void aRetriedDepositSendsTheSameIdempotencyKeyAndBody() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(okJson(fixture("checkout-sessions-response.json"))));
        DepositRequest deposit = new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(2500, "EUR"), RETURN_URL);

        PaymentSession first = RECORDED.provider().startDeposit(deposit);
        PaymentSession again = RECORDED.provider().startDeposit(deposit);

        assertThat(again).isEqualTo(first);
        RECORDED.server().verify(2, postRequestedFor(urlEqualTo(SESSIONS))
                .withHeader("Idempotency-Key", equalTo(DEPOSIT_ID))
                .withRequestBody(equalToJson(fixture("checkout-sessions-request.json"))));
    }

    @Test
    void rupiahGoToAdyenInWholeUnits() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(okJson(fixture("checkout-sessions-response.json"))));

        RECORDED.provider().startDeposit(new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(150_000_000, "IDR"), RETURN_URL));

        RECORDED.server().verify(postRequestedFor(urlEqualTo(SESSIONS))
                .withRequestBody(matchingJsonPath("$.amount.currency", equalTo("IDR")))
                .withRequestBody(matchingJsonPath("$.amount.value", equalTo("1500000"))));
    }

    @Test
    void rupiahCentsAreRefusedBeforeAdyenIsAsked() {
        DepositRequest withCents = new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(150_000_050, "IDR"), RETURN_URL);

        assertThatThrownBy(() -> RECORDED.provider().startDeposit(withCents))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.VALIDATION_FAILED));
        RECORDED.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedApiKeyIsAnUnavailableProviderAndLeaksNothing() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("checkout-error-401.json"))));

        assertThatThrownBy(() -> RECORDED.provider().startDeposit(new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(2500, "EUR"), RETURN_URL)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
                    assertThat(e.detail()).doesNotContain(API_KEY).doesNotContain("Unauthorized");
                });
    }

    @Test
    void aDroppedConnectionIsAnUnavailableProvider() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> RECORDED.provider().startDeposit(new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(2500, "EUR"), RETURN_URL)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE));
    }

    @Test
    void aSessionWithoutAPageHasNoRedirect() {
        RECORDED.server().stubFor(post(SESSIONS).willReturn(okJson("{\"id\":\"CS6B11058E72127704\",\"sessionData\":\"Ab02b4c0!\"}")));

        PaymentSession session = RECORDED.provider().startDeposit(new DepositRequest(DEPOSIT_ID, PLAYER, Money.of(2500, "EUR"), RETURN_URL));

        assertThat(session.redirectUrl()).isEqualTo(Optional.empty());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
