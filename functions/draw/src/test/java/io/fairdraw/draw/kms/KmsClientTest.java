package io.fairdraw.draw.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The KMS calls as AWS documents them (JSON 1.1, TrentService targets, SigV4 for the "kms"
 * service), against a recorded-shape KMS on WireMock: what is sent, and what is done with the answers.
 */
class KmsClientTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/[0-9]{8}/eu-west-1/kms/aws4_request, "
            + "SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}";
    private static final byte[] SEED = new byte[32];
    private static final byte[] BLOB = "an opaque ciphertext blob from KMS".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static WireMockServer kms;
    private KmsClient client;

    @BeforeAll
    static void start() {
        kms = new WireMockServer(options().dynamicPort());
        kms.start();
        for (int i = 0; i < SEED.length; i++) {
            SEED[i] = (byte) (i * 7 + 3);
        }
    }

    @AfterAll
    static void stop() {
        kms.stop();
    }

    @BeforeEach
    void reset() {
        kms.resetAll();
        client = new KmsClient(URI.create(kms.baseUrl() + "/"), "eu-west-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
                Duration.ofSeconds(2));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void generateRandomIsASignedTrentServiceCall() {
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GenerateRandom"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Plaintext\":\"" + b64(SEED) + "\"}")));

        assertThat(client.generateRandom(32)).isEqualTo(SEED);
        kms.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(AUTHORIZATION))
                .withHeader("X-Amz-Date", matching("[0-9]{8}T[0-9]{6}Z"))
                .withRequestBody(equalToJson("{\"NumberOfBytes\":32}")));
    }

    @Test
    void aSeedIsSealedUnderTheKeyWithItsDrawAsContextAndOpensOnlyForThatDraw() {
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Encrypt"))
                .withRequestBody(equalToJson("{\"KeyId\":\"" + KEY + "\",\"Plaintext\":\"" + b64(SEED) + "\","
                        + "\"EncryptionContext\":{\"drawId\":\"4d-jakarta-20261123T2100\"}}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"CiphertextBlob\":\"" + b64(BLOB) + "\",\"KeyId\":\"" + KEY + "\"}")));
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
                .willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"InvalidCiphertextException\"}")));
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
                .withRequestBody(equalToJson("{\"KeyId\":\"" + KEY + "\",\"CiphertextBlob\":\"" + b64(BLOB) + "\","
                        + "\"EncryptionContext\":{\"drawId\":\"4d-jakarta-20261123T2100\"}}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Plaintext\":\"" + b64(SEED) + "\",\"KeyId\":\"" + KEY + "\"}")));
        KmsSeedVault vault = new KmsSeedVault(client, KEY);

        byte[] sealed = vault.seal("4d-jakarta-20261123T2100", SEED);

        assertThat(sealed).isEqualTo(BLOB);
        assertThat(vault.open("4d-jakarta-20261123T2100", sealed)).isEqualTo(SEED);
        assertThatThrownBy(() -> vault.open("4d-jakarta-20261124T2100", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("InvalidCiphertextException");
    }

    @Test
    void refusalsAndGarbledAnswersFailLoudlyWithoutLeakingTheRequest() {
        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GenerateRandom"))
                .willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}")));
        assertThatThrownBy(() -> client.generateRandom(32)).isInstanceOf(IllegalStateException.class)
                .hasMessage("KMS GenerateRandom failed: 400 AccessDeniedException");

        kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Encrypt"))
                .willReturn(aResponse().withStatus(200).withBody("{\"KeyId\":\"" + KEY + "\"}")));
        assertThatThrownBy(() -> client.encrypt(KEY, SEED, java.util.Map.of("drawId", "d")))
                .isInstanceOf(IllegalStateException.class).hasMessage("KMS answered without CiphertextBlob")
                .hasMessageNotContaining(b64(SEED));
    }

    @Test
    void anUnreachableKmsIsAFailureNotAnEmptySeed() {
        KmsClient nowhere = new KmsClient(URI.create("http://127.0.0.1:1/"), "eu-west-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), Duration.ofMillis(500));
        assertThatThrownBy(() -> nowhere.generateRandom(32)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be reached");
    }
}
