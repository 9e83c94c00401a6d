package io.fairdraw.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.payments.PaymentProvider.WebhookRejected;
import io.fairdraw.testsupport.UntrustedText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzz targets for the sandbox's webhooks, read exactly as the wallet's webhook route reads them.
 * Whatever arrives, the answer is events or {@link WebhookRejected}; an unsigned or wrongly
 * signed notification is never read, and a correctly signed one that is not a sandbox event is
 * refused as malformed, as is one that names a field twice. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/payments/SandboxWebhookFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SandboxWebhookFuzzTest {
    private static final String SECRET = "sandbox-webhook-secret-for-the-fuzz-tests";
    private static final Instant NOW = Instant.parse("2026-03-02T09:07:31Z");
    private static final SandboxProvider SANDBOX = new SandboxProvider(Optional.of(SECRET));

    @FuzzTest(maxDuration = "110s")
    void anyHeaderAndBodyAreRefusedUnlessSigned(FuzzedDataProvider data) {
        String name = data.pickValue(List.of(SandboxProvider.SIGNATURE_HEADER, "Fairdraw-Signature", "x-signature"));
        long offset = data.consumeLong(-1_000, 1_000);
        // The header's value, a line break, then the body.
        String text = data.consumeRemainingAsString();
        int lineBreak = text.indexOf('\n');
        String header = lineBreak < 0 ? text : text.substring(0, lineBreak);
        String body = lineBreak < 0 ? "" : text.substring(lineBreak + 1);
        try {
            List<PaymentEvent> events = SANDBOX.verify(Map.of(name, header), body, NOW.plusSeconds(offset));
            // Only a correct signature over this very body opens it: the fuzzer cannot forge one.
            String expected = SANDBOX.signatureHeader(timestampOf(header), body);
            assertThat(header.toLowerCase(java.util.Locale.ROOT)).contains(expected.substring(expected.indexOf("v1=")));
            assertThat(events).hasSize(1);
        } catch (WebhookRejected refused) {
            assertThat(refused.reason()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "110s")
    void anySignedBodyIsAnEventOrMalformed(FuzzedDataProvider data) {
        long sentAt = NOW.getEpochSecond() + data.consumeLong(-300, 300);
        String body = data.consumeRemainingAsString();
        try {
            List<PaymentEvent> events = SANDBOX.verify(Map.of("Fairdraw-Signature", SANDBOX.signatureHeader(sentAt, body)), body, NOW);
            // A signed body must mean one thing to every reader: one naming a field twice is never read.
            assertThat(UntrustedText.hasDuplicateField(body)).isFalse();
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.kind()).isNotNull();
                assertThat(event.amount().currency().code()).matches("[A-Z]{3}");
            });
        } catch (WebhookRejected refused) {
            assertThat(refused.reason()).isEqualTo(WebhookRejected.Reason.MALFORMED);
        }
    }

    private static long timestampOf(String header) {
        long last = -1;
        for (String part : header.split(",")) {
            String trimmed = part.trim();
            if (trimmed.matches("t=[0-9]{1,12}")) {
                last = Long.parseLong(trimmed.substring(2));
            }
        }
        return last;
    }
}
