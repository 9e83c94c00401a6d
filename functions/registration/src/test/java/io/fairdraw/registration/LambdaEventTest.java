package io.fairdraw.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.fairdraw.testsupport.LambdaEvents;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls the function's Lambda handler with API Gateway HTTP API (payload 2.0) events, as AWS
 * does, without the test HTTP server in front. This reaches cases the test server cannot send:
 * a body the size API Gateway accepts (10 MB), a base64-encoded body, and the gateway's request
 * id that every written item must carry.
 */
@QuarkusTest
class LambdaEventTest {
    private final LambdaHttpHandler handler = new LambdaHttpHandler();

    @Test
    void theGatewayRequestIdIsStampedOnTheStoredPlayer() {
        String subject = "event-" + UUID.randomUUID();
        String requestId = "gw-" + UUID.randomUUID();
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/players", Tokens.player(subject),
                PlayerRegistrationTest.registration("Eve"), requestId);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaEvents.context(requestId));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow().get("requestId").s()).isEqualTo(requestId);
    }

    @Test
    void aBase64EncodedBodyIsRead() {
        String subject = "event-" + UUID.randomUUID();
        String body = Base64.getEncoder().encodeToString(
                PlayerRegistrationTest.registration("Base Sixtyfour").getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/players", Tokens.player(subject), body, "gw-b64");
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaEvents.context("gw-b64"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"displayName\":\"Base Sixtyfour\"");
    }

    @Test
    void aTenMegabyteBodyGets413ProblemAndWritesNothing() {
        String subject = "event-" + UUID.randomUUID();
        String huge = PlayerRegistrationTest.registration("x".repeat(10 * 1000 * 1000));
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/players", Tokens.player(subject), huge, "gw-huge");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaEvents.context("gw-huge"));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(LambdaEvents.header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("\"reasonCode\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void aBodyWithoutADeclaredLengthIsStillCounted() {
        String subject = "event-" + UUID.randomUUID();
        String huge = PlayerRegistrationTest.registration("y".repeat(2 * 1024 * 1024));
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/players", Tokens.player(subject), huge, "gw-nolen");
        event.getHeaders().remove("content-length");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaEvents.context("gw-nolen"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(413);
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }
}
