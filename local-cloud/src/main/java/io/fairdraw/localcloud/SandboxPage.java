package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The sandbox payment provider, as a real provider would run it, on the control port. The wallet
 * registers each deposit's payment here when it starts one ({@code fairdraw.payments.sandbox.api-url});
 * the player pays or declines on the hosted page, which sends the provider's signed notification
 * of that payment (its amount and reference come from the provider's record, never from the
 * page's address); the payout function's payouts are registered here too and each is confirmed
 * by a signed PAYOUT notification a moment later, so a local withdrawal reaches PAID. Every
 * payment and payout is kept in {@link SandboxRecords}, which also answers the settlement report
 * the back office reconciles against. {@code POST /sandbox/sign} signs any notification body
 * with this run's secret, for a developer who wants to send one by hand.
 */
final class SandboxPage {
    private static final Logger LOG = Logger.getLogger(SandboxPage.class);
    private static final Pattern PAY = Pattern.compile("/sandbox/pay/([A-Za-z0-9_]{1,64})");
    private static final Duration PAYOUT_CONFIRMATION_DELAY = Duration.ofMillis(500);
    private static final int PAYOUT_DELIVERY_ATTEMPTS = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String webhookSecret;
    private final URI webhook;
    private final SandboxRecords records;

    SandboxPage(String webhookSecret, int apiPort, SandboxRecords records) {
        this.webhookSecret = webhookSecret;
        this.webhook = URI.create("http://127.0.0.1:" + apiPort + "/v1/payments/sandbox/webhook");
        this.records = records;
    }

    boolean handles(String path) {
        return path.startsWith("/sandbox/");
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Matcher pay = PAY.matcher(path);
        if (pay.matches() && method.equals("GET")) {
            page(exchange, pay.group(1));
        } else if (pay.matches() && method.equals("POST")) {
            pay(exchange, pay.group(1));
        } else if (path.equals("/sandbox/payments") && method.equals("POST")) {
            registered(exchange, records.registerPayment(Json.parse(exchange.getRequestBody().readAllBytes())));
        } else if (path.equals("/sandbox/payouts") && method.equals("POST")) {
            JsonNode payout = Json.parse(exchange.getRequestBody().readAllBytes());
            SandboxRecords.Registration registration = records.registerPayout(payout);
            if (registration == SandboxRecords.Registration.CREATED) {
                Thread.ofVirtual().name("sandbox-payout").start(() -> confirmPayout(payout.path("payoutId").asText()));
            }
            registered(exchange, registration);
        } else if (path.equals("/sandbox/sign") && method.equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Json.reply(exchange, 200, Map.of("header", "Fairdraw-Signature", "value", signatureHeader(body)));
        } else if (path.equals("/sandbox/settlement-report") && method.equals("GET")) {
            byte[] report = records.settlementReport().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            exchange.sendResponseHeaders(200, report.length);
            exchange.getResponseBody().write(report);
        } else if (method.equals("GET") && path.equals("/sandbox/payments")) {
            Json.reply(exchange, 200, records.payments());
        } else {
            Json.reply(exchange, 404, Map.of("message", "no such sandbox route; see local-cloud/README.md"));
        }
    }

    private static void registered(HttpExchange exchange, SandboxRecords.Registration registration) throws IOException {
        switch (registration) {
            case CREATED -> Json.reply(exchange, 201, Map.of("registered", true));
            case SAME -> Json.reply(exchange, 200, Map.of("registered", true));
            case CONFLICT -> Json.reply(exchange, 409, Map.of("message", "already registered with other details"));
        }
    }

    /** The player's choice: the notification is built from the provider's record of the payment. */
    private void pay(HttpExchange exchange, String paymentId) throws IOException {
        Optional<SandboxRecords.Payment> found = records.payment(paymentId);
        if (found.isEmpty()) {
            Json.reply(exchange, 404, Map.of("message", "no such payment"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.putAll(form(exchange.getRequestURI().getRawQuery()));
        boolean success = "pay".equals(form.get("outcome"));
        SandboxRecords.Payment payment = found.get();
        if (!records.settle(paymentId, success)) {
            Json.reply(exchange, 409, Map.of("message", "this payment was already " + payment.status().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        ObjectNode notification = notification("DEPOSIT", paymentId, payment.reference(), payment.amountMinor(), payment.currency(), success);
        notification.put("instrument", "card-tok-4242");
        if (!success) {
            notification.put("reason", "declined on the sandbox page");
        }
        int delivered = deliver(Json.text(notification));
        if (payment.returnUrl() != null && !payment.returnUrl().isBlank() && delivered < 300 && !"json".equals(form.get("answer"))) {
            exchange.getResponseHeaders().set("Location", payment.returnUrl());
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        Json.reply(exchange, delivered < 300 ? 200 : 502, Map.of("paymentId", paymentId, "success", success, "webhookStatus", delivered));
    }

    /** Sends the PAYOUT notification of a registered payout, as the provider does once the money has left. */
    private void confirmPayout(String payoutId) {
        SandboxRecords.Payout payout = records.payout(payoutId).orElseThrow();
        String body = Json.text(notification("PAYOUT", payoutId, payout.reference(), payout.amountMinor(), payout.currency(), true));
        for (int attempt = 1; attempt <= PAYOUT_DELIVERY_ATTEMPTS; attempt++) {
            try {
                Thread.sleep(PAYOUT_CONFIRMATION_DELAY.multipliedBy(attempt));
                int status = deliver(body);
                if (status < 300) {
                    records.settlePayout(payoutId);
                    return;
                }
                LOG.warnf("the payout notification of %s was answered %d; trying again", payoutId, status);
            } catch (IOException e) {
                LOG.warnf("the payout notification of %s was not delivered (%s); trying again", payoutId, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.errorf("the payout notification of %s was given up after %d attempts", payoutId, PAYOUT_DELIVERY_ATTEMPTS);
    }

    private static ObjectNode notification(String kind, String paymentId, String reference, long amountMinor, String currency,
            boolean success) {
        ObjectNode notification = Json.object();
        notification.put("kind", kind);
        notification.put("paymentId", paymentId);
        notification.put("merchantReference", reference);
        ObjectNode amount = notification.putObject("amount");
        amount.put("amount", amountMinor);
        amount.put("currency", currency);
        notification.put("success", success);
        return notification;
    }

    private int deliver(String body) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                    .header("Fairdraw-Signature", signatureHeader(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void page(HttpExchange exchange, String paymentId) throws IOException {
        Optional<SandboxRecords.Payment> found = records.payment(paymentId);
        if (found.isEmpty()) {
            Json.reply(exchange, 404, Map.of("message", "no such payment"));
            return;
        }
        SandboxRecords.Payment payment = found.get();
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Sandbox payment</title></head><body style="font-family:system-ui;max-width:32rem;margin:3rem auto;line-height:1.5">
                <h1>Sandbox payment</h1><p>Deposit of <strong>%s %s</strong> (minor units), payment <code>%s</code>: %s.</p>
                <p>This page stands in for a payment provider on a laptop. Nothing is charged.</p>
                <form method="post"><input type="hidden" name="outcome" value="pay"><button type="submit">Pay</button></form>
                <form method="post"><input type="hidden" name="outcome" value="decline"><button type="submit">Decline</button></form>
                </body></html>""".formatted(payment.amountMinor(), escape(payment.currency()), escape(paymentId),
                escape(payment.status().toLowerCase(java.util.Locale.ROOT)));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The header a notification carries: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, as the wallet checks it. */
    private String signatureHeader(String body) {
        long now = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + now + ",v1=" + HexFormat.of().formatHex(mac.doFinal((now + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
