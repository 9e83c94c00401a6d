package io.fairdraw.localcloud;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox payment provider's hosted page, which a real provider would serve: the wallet's
 * deposit answer points the player here ({@code fairdraw.payments.sandbox.pay-url}); paying or
 * declining sends the provider's signed notification to the API's webhook route, as the provider
 * would, and sends the player back to the return address.
 */
final class SandboxPage {
    private static final Pattern PATH = Pattern.compile("/sandbox/pay/([A-Za-z0-9_]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String webhookSecret;
    private final URI webhook;

    SandboxPage(String webhookSecret, int apiPort) {
        this.webhookSecret = webhookSecret;
        this.webhook = URI.create("http://127.0.0.1:" + apiPort + "/v1/payments/sandbox/webhook");
    }

    boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            Json.reply(exchange, 404, Map.of("message", "no such payment"));
            return;
        }
        String paymentId = path.group(1);
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("GET")) {
            page(exchange, paymentId, query);
            return;
        }
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        query.putAll(posted);
        boolean success = "pay".equals(query.get("outcome"));
        ObjectNode notification = Json.object();
        notification.put("kind", "DEPOSIT");
        notification.put("paymentId", paymentId);
        notification.put("merchantReference", query.getOrDefault("reference", ""));
        ObjectNode amount = notification.putObject("amount");
        amount.put("amount", Long.parseLong(query.getOrDefault("amount", "0")));
        amount.put("currency", query.getOrDefault("currency", ""));
        notification.put("success", success);
        notification.put("instrument", "card-tok-4242");
        if (!success) {
            notification.put("reason", "declined on the sandbox page");
        }
        String body = Json.text(notification);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> delivered;
        try {
            delivered = HTTP.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                    .header("Fairdraw-Signature", "t=" + now + ",v1=" + sign(now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String back = query.get("return");
        if (back != null && !back.isBlank() && delivered.statusCode() < 300 && !"json".equals(query.get("answer"))) {
            exchange.getResponseHeaders().set("Location", back);
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        Json.reply(exchange, delivered.statusCode() < 300 ? 200 : 502,
                Map.of("paymentId", paymentId, "success", success, "webhookStatus", delivered.statusCode()));
    }

    private static void page(HttpExchange exchange, String paymentId, Map<String, String> query) throws IOException {
        String amount = escape(query.getOrDefault("amount", "?")) + " " + escape(query.getOrDefault("currency", ""));
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Sandbox payment</title></head><body style="font-family:system-ui;max-width:32rem;margin:3rem auto;line-height:1.5">
                <h1>Sandbox payment</h1><p>Deposit of <strong>%s</strong> (minor units), payment <code>%s</code>.</p>
                <p>This page stands in for a payment provider on a laptop. Nothing is charged.</p>
                <form method="post"><input type="hidden" name="outcome" value="pay"><button type="submit">Pay</button></form>
                <form method="post"><input type="hidden" name="outcome" value="decline"><button type="submit">Decline</button></form>
                </body></html>""".formatted(amount, escape(paymentId));
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String sign(long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
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
