package io.fairdraw.payments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A provider for laptops and tests. It accepts every deposit (the player "pays" by the webhook
 * the sandbox sends, or a test sends in its name) and signs webhooks the way real providers do:
 * HMAC-SHA256 over {@code <unix seconds>.<body>}, sent as {@code Fairdraw-Signature:
 * t=<unix seconds>,v1=<hex>}, accepted within a five-minute window so a captured notification
 * cannot be replayed later. Where the sandbox runs as a service ({@code
 * fairdraw.payments.sandbox.api-url}: local-cloud's), each deposit's payment and each payout is
 * registered there, as with a real provider's API: its page then knows what is paid, its books
 * can be reconciled, and it confirms payouts with a PAYOUT notification. Without it (tests), the
 * calls stay in process and the test sends the notifications.
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {
    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "fairdraw-signature";
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    /** Duplicate fields are refused: a signed body must mean one thing to every reader. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final int MIN_SECRET_LENGTH = 32;

    /** Where the sandbox's "payment page" is: nowhere by default; local-cloud serves one. */
    public static final String DEFAULT_PAY_URL = "https://sandbox.fairdraw.invalid/pay/";

    private static final Duration API_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> secret;
    private final String payUrl;
    private final Optional<URI> api;
    // Built on first use, and only where the sandbox runs as a service.
    private volatile HttpClient http;

    @Inject
    public SandboxProvider(@ConfigProperty(name = "fairdraw.payments.sandbox.webhook-secret") Optional<String> secret,
            @ConfigProperty(name = "fairdraw.payments.sandbox.pay-url", defaultValue = DEFAULT_PAY_URL) String payUrl,
            @ConfigProperty(name = "fairdraw.payments.sandbox.api-url") Optional<URI> api) {
        this.secret = secret;
        this.payUrl = payUrl;
        this.api = api;
    }

    public SandboxProvider(Optional<String> secret) {
        this(secret, DEFAULT_PAY_URL, Optional.empty());
    }

    @Override
    public void checkConfigured() {
        if (secret.filter(s -> s.length() >= MIN_SECRET_LENGTH).isEmpty()) {
            throw new IllegalStateException("the sandbox is enabled but fairdraw.payments.sandbox.webhook-secret is missing or shorter than "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PaymentSession startDeposit(DepositRequest request) {
        String paymentId = "sbx_" + digest("deposit|" + request.depositId()).substring(0, 24);
        register("/payments", Map.of("paymentId", paymentId, "reference", request.depositId(), "amount", amount(request.amount()),
                "returnUrl", request.returnUrl()));
        // The page knows what to pay from the sandbox's own record of the payment, as a provider's hosted page does.
        return new PaymentSession(paymentId, Optional.of(payUrl + paymentId));
    }

    @Override
    public PayoutResult payOut(PayoutRequest request) {
        String payoutId = "sbx_po_" + digest("payout|" + request.withdrawalId()).substring(0, 24);
        register("/payouts", Map.of("payoutId", payoutId, "reference", request.withdrawalId(), "amount", amount(request.amount()),
                "instrument", request.instrumentReference()));
        return PayoutResult.accepted(payoutId);
    }

    private static Map<String, Object> amount(Money amount) {
        return Map.of("amount", amount.amountMinor(), "currency", amount.currency().code());
    }

    /** Registers a payment or payout with the sandbox service, idempotently by its id; nothing where there is none. */
    private void register(String path, Map<String, Object> body) {
        if (api.isEmpty()) {
            return;
        }
        HttpResponse<Void> answer;
        try {
            answer = client().send(HttpRequest.newBuilder(URI.create(api.get() + path)).timeout(API_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw unavailable(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(path, e);
        }
        if (answer.statusCode() >= 300) {
            throw unavailable(path, new java.io.IOException("HTTP " + answer.statusCode()));
        }
    }

    private static DomainException unavailable(String path, Exception cause) {
        return new DomainException(ErrorType.SERVICE_UNAVAILABLE, "the sandbox provider did not take " + path + "; retry later", cause);
    }

    private HttpClient client() {
        HttpClient built = http;
        if (built == null) {
            built = HttpClient.newBuilder().connectTimeout(API_TIMEOUT).build();
            http = built;
        }
        return built;
    }

    @Override
    public List<PaymentEvent> verify(Map<String, String> headers, String body, Instant receivedAt) throws WebhookRejected {
        String header = header(headers, SIGNATURE_HEADER)
                .orElseThrow(() -> new WebhookRejected(WebhookRejected.Reason.SIGNATURE_INVALID, "no signature header"));
        long timestamp = -1;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp < 0 || signature == null) {
            throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE_INVALID, "the signature header is malformed");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE_INVALID, "the signature does not match");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), receivedAt).abs().compareTo(REPLAY_WINDOW) > 0) {
            throw new WebhookRejected(WebhookRejected.Reason.STALE, "the notification is outside the replay window");
        }
        return List.of(event(body));
    }

    /** The header value a sandbox webhook carries: used by the sandbox itself and by tests. */
    public String signatureHeader(long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + sign(unixSeconds, body);
    }

    private PaymentEvent event(String body) throws WebhookRejected {
        try {
            JsonNode node = JSON.readTree(body);
            PaymentEvent.Kind kind = PaymentEvent.Kind.valueOf(node.get("kind").asText());
            JsonNode amount = node.get("amount");
            if (!amount.get("amount").canConvertToExactIntegral()) {
                throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "amounts are whole minor units");
            }
            String paymentId = node.get("paymentId").asText();
            // The sandbox's deposit is paid under the very id it started with.
            return new PaymentEvent(kind, paymentId, node.get("merchantReference").asText(),
                    Money.of(amount.get("amount").longValue(), amount.get("currency").asText()), PaymentEvent.Outcome.of(node.get("success").asBoolean()),
                    Optional.ofNullable(node.get("instrument")).map(JsonNode::asText), Optional.ofNullable(node.get("reason")).map(JsonNode::asText),
                    kind == PaymentEvent.Kind.DEPOSIT ? Optional.of(paymentId) : Optional.empty());
        } catch (WebhookRejected e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "the notification is not a sandbox event");
        }
    }

    private String sign(long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            checkConfigured();
            mac.init(new SecretKeySpec(secret.orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
