package io.fairdraw.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.fairdraw.platform.aws.AwsJsonClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Parts go to SQS as the JSON protocol documents SendMessageBatch: signed for "sqs", ten entries at most per call. */
class SqsPartQueueTest {
    private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/111122223333/fairdraw-payout-settlements";
    private WireMockServer sqs;
    private SqsPartQueue queue;

    @BeforeEach
    void start() {
        sqs = new WireMockServer(options().dynamicPort());
        sqs.start();
        queue = new SqsPartQueue(new AwsJsonClient(URI.create(sqs.baseUrl() + "/"), "sqs", "eu-west-1", "AmazonSQS", "1.0",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), Duration.ofSeconds(2)), QUEUE);
    }

    @AfterEach
    void stop() {
        sqs.stop();
    }

    @Test
    void sixteenPartsGoInTwoSignedBatchesEachAPartMessage() throws Exception {
        sqs.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSQS.SendMessageBatch"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Successful\":[],\"Failed\":[]}")));
        List<Settlement.Part> parts = IntStream.range(0, 16).mapToObj(i -> new Settlement.Part("4d-jakarta-20261123T2100", i)).toList();

        queue.send(parts);

        sqs.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/[0-9]{8}/eu-west-1/sqs/aws4_request, .*")));
        ObjectMapper json = new ObjectMapper();
        List<String> sent = new ArrayList<>();
        for (var request : sqs.getAllServeEvents()) {
            var body = json.readTree(request.getRequest().getBodyAsString());
            assertThat(body.get("QueueUrl").asText()).isEqualTo(QUEUE);
            assertThat(body.get("Entries").size()).isLessThanOrEqualTo(10);
            body.get("Entries").forEach(entry -> sent.add(entry.get("MessageBody").asText()));
        }
        assertThat(sent).hasSize(16).contains("{\"drawId\":\"4d-jakarta-20261123T2100\",\"part\":15}");
    }

    @Test
    void aBatchSqsRefusesInPartFailsTheSend() {
        sqs.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody("{\"Successful\":[],\"Failed\":[{\"Id\":\"3\",\"Code\":\"InternalError\",\"SenderFault\":false}]}")));
        assertThatThrownBy(() -> queue.send(List.of(new Settlement.Part("d", 3)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InternalError");
        sqs.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"}")));
        assertThatThrownBy(() -> queue.send(List.of(new Settlement.Part("d", 3)))).isInstanceOf(IllegalStateException.class)
                .hasMessage("SQS SendMessageBatch failed: 400 com.amazonaws.sqs#QueueDoesNotExist");
    }
}
