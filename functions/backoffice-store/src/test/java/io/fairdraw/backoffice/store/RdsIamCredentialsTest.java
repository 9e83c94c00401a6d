package io.fairdraw.backoffice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The database token is the presigned {@code connect} request RDS expects: recomputed here by
 * hand from the Signature Version 4 steps (canonical request over the sorted, encoded query;
 * the empty body's hash; the date, region, {@code rds-db} scope; the HMAC key chain), the shape
 * of the AWS CLI's {@code rds generate-db-auth-token}.
 */
class RdsIamCredentialsTest {
    private static final String HOST = "fairdraw-dev-backoffice.proxy-abc.eu-west-1.rds.amazonaws.com";

    @Test
    void theTokenIsASigV4PresignedConnectRequestForTheUser() throws Exception {
        Instant now = Instant.parse("2026-12-04T10:11:12Z");
        var credentials = AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        String token = RdsIamCredentials.token(HOST, 5432, "fairdraw_admin", "eu-west-1", credentials, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(token).startsWith(HOST + ":5432/?");
        Map<String, String> query = new TreeMap<>();
        for (String pair : token.substring(token.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("Action", "connect").containsEntry("DBUser", "fairdraw_admin")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256").containsEntry("X-Amz-Date", "20261204T101112Z")
                .containsEntry("X-Amz-Expires", "900").containsEntry("X-Amz-SignedHeaders", "host")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261204/eu-west-1/rds-db/aws4_request");

        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((name, value) -> {
            if (!name.equals("X-Amz-Signature")) {
                canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
        });
        String canonicalRequest = "GET\n/\n" + canonicalQuery + "\nhost:" + HOST + ":5432\n\nhost\n" + hex(sha256(""));
        String stringToSign = "AWS4-HMAC-SHA256\n20261204T101112Z\n20261204/eu-west-1/rds-db/aws4_request\n" + hex(sha256(canonicalRequest));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), "20261204");
        key = hmac(key, "eu-west-1");
        key = hmac(key, "rds-db");
        key = hmac(key, "aws4_request");
        assertThat(query.get("X-Amz-Signature")).isEqualTo(hex(hmac(key, stringToSign)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
