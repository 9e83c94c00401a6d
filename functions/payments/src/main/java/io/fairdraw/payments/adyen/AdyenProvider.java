package io.fairdraw.payments.adyen;

import com.adyen.Client;
import com.adyen.model.RequestOptions;
import com.adyen.model.checkout.CreateCheckoutSessionResponse;
import com.adyen.model.payout.PayoutResponse;
import com.adyen.service.checkout.PaymentsApi;
import com.adyen.service.exception.ApiException;
import com.adyen.service.payout.InstantPayoutsApi;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.payments.PaymentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Adyen, through its Java library: a deposit is a Hosted Checkout session that also stores the
 * card for payouts; a withdrawal is an instant card payout to that stored card; outcomes arrive as
 * standard webhooks whose items carry an HMAC. Fairdraw's deposit or withdrawal id is Adyen's
 * reference and the Idempotency-Key, so a retried call returns Adyen's first answer.
 */
@ApplicationScoped
public class AdyenProvider implements PaymentProvider {
    public static final String NAME = "adyen";
    private static final Logger LOG = Logger.getLogger(AdyenProvider.class);
    private static final EnumSet<PayoutResponse.ResultCodeEnum> REFUSED = EnumSet.of(
            PayoutResponse.ResultCodeEnum.REFUSED, PayoutResponse.ResultCodeEnum.ERROR, PayoutResponse.ResultCodeEnum.CANCELLED);

    private final AdyenConfig config;
    // Built on first use: the bean exists (and is asked its name) even where Adyen is not enabled.
    private volatile Connection connection;

    public AdyenProvider(AdyenConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkConfigured() {
        AdyenSettings.from(config);
    }

    @Override
    public PaymentSession startDeposit(DepositRequest request) {
        Connection adyen = connection();
        CreateCheckoutSessionResponse session;
        try {
            session = adyen.checkout().sessions(AdyenRequests.session(request, adyen.merchantAccount()), idempotent(request.depositId()));
        } catch (ApiException | IOException e) {
            throw unavailable("creating a session for deposit " + request.depositId(), e);
        }
        if (session.getId() == null) {
            throw unavailable("creating a session for deposit " + request.depositId(), new IOException("the answer has no session id"));
        }
        return new PaymentSession(session.getId(), Optional.ofNullable(session.getUrl()));
    }

    @Override
    public PayoutResult payOut(PayoutRequest request) {
        Connection adyen = connection();
        PayoutResponse payout;
        try {
            payout = adyen.payouts().payout(AdyenRequests.payout(request, adyen.merchantAccount()), idempotent(request.withdrawalId()));
        } catch (ApiException e) {
            if (!refusedOutright(e)) {
                throw unavailable("paying out withdrawal " + request.withdrawalId(), e);
            }
            LOG.warnf("Adyen refused the payout of withdrawal %s: %s", request.withdrawalId(), describe(e));
            String pspReference = e.getError() == null ? null : e.getError().getPspReference();
            return PayoutResult.refused(Objects.requireNonNullElse(pspReference, ""), refusal(e));
        } catch (IOException e) {
            throw unavailable("paying out withdrawal " + request.withdrawalId(), e);
        }
        return result(payout);
    }

    /** Adyen signs each item of the body, not the request: the headers play no part. */
    @Override
    public List<PaymentEvent> verify(Map<String, String> headers, String body, Instant receivedAt) throws WebhookRejected {
        return connection().webhooks().verify(body, receivedAt);
    }

    private static PayoutResult result(PayoutResponse payout) {
        String pspReference = Objects.requireNonNullElse(payout.getPspReference(), "");
        if (payout.getResultCode() != null && REFUSED.contains(payout.getResultCode())) {
            String reason = payout.getRefusalReason() != null ? payout.getRefusalReason() : payout.getResultCode().getValue();
            return PayoutResult.refused(pspReference, reason);
        }
        // Received (or Authorised): the outcome arrives as a PAYOUT_THIRDPARTY notification.
        return PayoutResult.accepted(pspReference);
    }

    /**
     * 400 and 422 mean Adyen rejected the request itself and created nothing, so the withdrawal
     * can be refused. Not so for error 704 or a {@code transient-error} header: the same
     * Idempotency-Key is still being processed and the payout may well go through, so like a
     * 5xx, a 401 or a timeout it is retried with the same key.
     */
    private static boolean refusedOutright(ApiException e) {
        boolean invalid = e.getStatusCode() == 400 || e.getStatusCode() == 422;
        boolean inProgress = e.getError() != null && "704".equals(e.getError().getErrorCode());
        boolean transientError = e.getResponseHeaders() != null && e.getResponseHeaders().entrySet().stream()
                .anyMatch(h -> "transient-error".equalsIgnoreCase(h.getKey()) && h.getValue().contains("true"));
        return invalid && !inProgress && !transientError;
    }

    private static String refusal(ApiException e) {
        if (e.getError() == null || e.getError().getErrorCode() == null) {
            return "HTTP " + e.getStatusCode();
        }
        return e.getError().getErrorCode() + ": " + Objects.requireNonNullElse(e.getError().getMessage(), "refused");
    }

    /** The details go to the log; the caller (and so the player) learns only that it may retry. */
    private static DomainException unavailable(String action, Exception e) {
        LOG.warnf("Adyen failed %s: %s", action, e instanceof ApiException api ? describe(api) : e.toString());
        return new DomainException(ErrorType.SERVICE_UNAVAILABLE, "the payment provider did not answer; retry later", e);
    }

    private static String describe(ApiException e) {
        String error = e.getError() == null ? "no error body"
                : "errorCode " + e.getError().getErrorCode() + ", " + e.getError().getMessage() + ", pspReference " + e.getError().getPspReference();
        return "HTTP " + e.getStatusCode() + ", " + error;
    }

    private static RequestOptions idempotent(String fairdrawId) {
        return new RequestOptions().idempotencyKey(fairdrawId);
    }

    private Connection connection() {
        Connection built = connection;
        if (built == null) {
            built = Connection.open(AdyenSettings.from(config));
            connection = built;
        }
        return built;
    }

    /** The library's services for one configuration; two threads racing to build it build the same. */
    private record Connection(String merchantAccount, PaymentsApi checkout, InstantPayoutsApi payouts, AdyenWebhooks webhooks) {
        static Connection open(AdyenSettings settings) {
            Client client = new Client(settings.apiKey(), settings.environment(), settings.liveUrlPrefix().orElse(null));
            client.setHttpClient(new JdkHttpClient());
            // The override keeps Adyen's paths (/v71/sessions, /pal/servlet/Payout/v68/payout) so that a
            // test sees what production sends; without it the library derives the hosts from the environment.
            PaymentsApi checkout = settings.baseUrl()
                    .map(base -> new PaymentsApi(client, base + "/v" + PaymentsApi.API_VERSION))
                    .orElseGet(() -> new PaymentsApi(client));
            InstantPayoutsApi payouts = settings.baseUrl()
                    .map(base -> new InstantPayoutsApi(client, base + "/pal/servlet/Payout/v" + InstantPayoutsApi.API_VERSION))
                    .orElseGet(() -> new InstantPayoutsApi(client));
            return new Connection(settings.merchantAccount(), checkout, payouts, new AdyenWebhooks(settings.hmacKey(), settings.merchantAccount()));
        }
    }
}
