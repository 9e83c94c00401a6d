package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox provider as the wallet and payout functions meet it: the page pays what was
 * registered and nothing else, once; payouts are confirmed by a signed notification; its books
 * outlive a restart and come out as a settlement report; {@code /sandbox/sign} signs as the
 * wallet checks. A loopback server stands in for the API's webhook route and records what it is sent.
 */
class SandboxPageTest {
    private static final String SECRET = "sandbox-secret-0123456789abcdef012345";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private HttpServer webhook;
    private ControlApi control;
    private SandboxRecords records;
    private int port;

    record Delivered(String signature, String body) {
        JsonNode json() {
            return Json.parse(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        webhook.createContext("/v1/payments/sandbox/webhook", exchange -> {
            delivered.add(new Delivered(exchange.getRequestHeaders().getFirst("Fairdraw-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        port = startControl();
    }

    private int startControl() throws Exception {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        Chaos chaos = new Chaos();
        records = new SandboxRecords(data.resolve("sandbox").resolve("records.jsonl"));
        control = new ControlApi(Map.of(), Map.of(), new EventBus(Json.parse("{\"eventRules\":[]}".getBytes()), Map.of(),
                data.resolve("events.log"), chaos), null,
                new SandboxPage(SECRET, webhook.getAddress().getPort(), records),
                null, chaos, null, Map.of(), Map.of());
        control.start(free);
        return free;
    }

    @AfterEach
    void stop() {
        control.close();
        webhook.stop(0);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String payment(String id, String reference, long amount) {
        return "{\"paymentId\":\"" + id + "\",\"reference\":\"" + reference + "\",\"amount\":{\"amount\":" + amount
                + ",\"currency\":\"IDR\"},\"returnUrl\":\"http://localhost/wallet\"}";
    }

    private static String sign(long unixSeconds, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSigned(Delivered notification) throws Exception {
        String[] parts = notification.signature().split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(parts[1]).isEqualTo("v1=" + sign(t, notification.body()));
    }

    @Test
    void thePagePaysWhatTheWalletRegisteredOnceWhateverItsAddressSays() throws Exception {
        assertThat(post("/sandbox/payments", payment("sbx_a", "dep_a", 150_000)).statusCode()).isEqualTo(201);
        assertThat(post("/sandbox/payments", payment("sbx_a", "dep_a", 150_000)).statusCode()).isEqualTo(200);
        assertThat(post("/sandbox/payments", payment("sbx_a", "dep_b", 1)).statusCode()).isEqualTo(409);

        HttpResponse<String> paid = post("/sandbox/pay/sbx_a?reference=dep_b&amount=999999&currency=MYR&answer=json", "outcome=pay");
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(delivered).hasSize(1);
        JsonNode notification = delivered.get(0).json();
        assertThat(notification.path("kind").asText()).isEqualTo("DEPOSIT");
        assertThat(notification.path("paymentId").asText()).isEqualTo("sbx_a");
        assertThat(notification.path("merchantReference").asText()).isEqualTo("dep_a");
        assertThat(notification.path("amount").path("amount").asLong()).isEqualTo(150_000);
        assertThat(notification.path("amount").path("currency").asText()).isEqualTo("IDR");
        assertSigned(delivered.get(0));

        assertThat(post("/sandbox/pay/sbx_a?answer=json", "outcome=pay").statusCode()).isEqualTo(409);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aPayoutIsConfirmedByASignedPayoutNotification() throws Exception {
        assertThat(post("/sandbox/payouts", "{\"payoutId\":\"sbx_po_1\",\"reference\":\"wd_1\",\"amount\":{\"amount\":70000,"
                + "\"currency\":\"IDR\"},\"instrument\":\"card-tok-4242\"}").statusCode()).isEqualTo(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (delivered.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(delivered).hasSize(1);
        JsonNode notification = delivered.get(0).json();
        assertThat(notification.path("kind").asText()).isEqualTo("PAYOUT");
        assertThat(notification.path("merchantReference").asText()).isEqualTo("wd_1");
        assertThat(notification.path("success").asBoolean()).isTrue();
        assertSigned(delivered.get(0));
        // The sandbox books the payout as paid once its notification was taken (after the delivery the test saw).
        while (!"PAID".equals(records.payout("sbx_po_1").orElseThrow().status()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(records.payout("sbx_po_1").orElseThrow().status()).isEqualTo("PAID");
    }

    @Test
    void theBooksOutliveARestartAndComeOutAsASettlementReportOfPaidDepositsOnly() throws Exception {
        post("/sandbox/payments", payment("sbx_paid", "dep_paid", 150_000));
        post("/sandbox/payments", payment("sbx_declined", "dep_declined", 20_000));
        post("/sandbox/payments", payment("sbx_open", "dep_open", 30_000));
        post("/sandbox/pay/sbx_paid?answer=json", "outcome=pay");
        post("/sandbox/pay/sbx_declined?answer=json", "outcome=decline");

        control.close();
        port = startControl();

        String report = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/settlement-report")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> lines = report.lines().toList();
        assertThat(lines.get(0)).isEqualTo(SandboxRecords.REPORT_HEADER);
        assertThat(lines).hasSize(2);
        // 150,000 minor units of IDR (two decimals in ISO 4217) are 1500.00.
        assertThat(lines.get(1)).contains(",sbx_paid,dep_paid,").contains(",Settled,").contains(",IDR,,1500.00,");
        assertThat(post("/sandbox/pay/sbx_paid?answer=json", "outcome=pay").statusCode()).isEqualTo(409);
    }

    @Test
    void signingGivesTheHeaderTheWalletChecks() throws Exception {
        String body = "{\"kind\":\"DEPOSIT\",\"paymentId\":\"sbx_x\"}";
        JsonNode signed = Json.parse(post("/sandbox/sign", body).body().getBytes(StandardCharsets.UTF_8));
        assertThat(signed.path("header").asText()).isEqualTo("Fairdraw-Signature");
        assertSigned(new Delivered(signed.path("value").asText(), body));
    }
}
