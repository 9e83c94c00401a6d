package io.fairdraw.payments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * cannot be replayed later.
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

    private final Optional<String> secret;
    private final String payUrl;

    @Inject
    public SandboxProvider(@ConfigProperty(name = "fairdraw.payments.sandbox.webhook-secret") Optional<String> secret,
            @ConfigProperty(name = "fairdraw.payments.sandbox.pay-url", defaultValue = DEFAULT_PAY_URL) String payUrl) {
        this.secret = secret;
        this.payUrl = payUrl;
    }

    public SandboxProvider(Optional<String> secret) {
        this(secret, DEFAULT_PAY_URL);
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
        // The page is told what to pay, as a provider's hosted page knows it from the session.
        String page = payUrl + paymentId + "?reference=" + encode(request.depositId()) + "&amount=" + request.amount().amountMinor()
                + "&currency=" + request.amount().currency().code() + "&return=" + encode(request.returnUrl());
        return new PaymentSession(paymentId, Optional.of(page));
    }

    @Override
    public PayoutResult payOut(PayoutRequest request) {
        return new PayoutResult(true, "sbx_po_" + digest("payout|" + request.withdrawalId()).substring(0, 24), Optional.empty());
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
                    Money.of(amount.get("amount").longValue(), amount.get("currency").asText()), node.get("success").asBoolean(),
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

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
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
