package io.fairdraw.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The requests a client with {@link BufferedRequests} sends, as a loopback server receives them:
 * a complete body with its Content-Length (written by the JDK, not streamed), signed without
 * that header, answered and parsed; and a kept-alive connection the server dropped meanwhile
 * costs a call nothing.
 */
class BufferedRequestsTest {
    private static final String ANSWER = "{\"Table\":{\"TableName\":\"tickets\",\"ItemCount\":7}}";

    private ServerSocket server;
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> bodyLengths = new CopyOnWriteArrayList<>();
    private volatile boolean dropAfterAnswer;

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> answer(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void theBodyArrivesWholeWithItsLengthAndTheSignatureLeavesTheLengthOut() {
        try (DynamoDbClient client = client()) {
            var table = client.describeTable(b -> b.tableName("tickets")).table();
            assertThat(table.itemCount()).isEqualTo(7);
        }
        assertThat(requests).hasSize(1);
        List<String> headers = requests.get(0);
        String length = header(headers, "content-length");
        assertThat(length).isNotNull();
        assertThat(Integer.parseInt(length)).isEqualTo(bodyLengths.get(0)).isPositive();
        assertThat(header(headers, "transfer-encoding")).isNull();
        assertThat(header(headers, "authorization")).contains("SignedHeaders=").doesNotContain("content-length");
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedWithoutFailingTheCall() {
        dropAfterAnswer = true;
        try (DynamoDbClient client = client()) {
            for (int call = 0; call < 3; call++) {
                assertThat(client.describeTable(b -> b.tableName("tickets")).table().itemCount()).isEqualTo(7);
            }
        }
        assertThat(bodyLengths).hasSizeGreaterThanOrEqualTo(3);
    }

    private DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new BufferedRequests()))
                .build();
    }

    private void answer(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            while (true) {
                List<String> headers = new ArrayList<>();
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                while (line != null && !line.isEmpty()) {
                    headers.add(line);
                    line = in.readLine();
                }
                String length = header(headers, "content-length");
                int expected = length == null ? 0 : Integer.parseInt(length);
                char[] body = new char[expected];
                int read = 0;
                while (read < expected) {
                    int n = in.read(body, read, expected - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                requests.add(headers);
                bodyLengths.add(read);
                byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + answer.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(answer);
                out.flush();
                if (dropAfterAnswer) {
                    return;
                }
            }
        } catch (IOException dropped) {
            // the client went away
        }
    }

    private static String header(List<String> headers, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix)).map(h -> h.substring(prefix.length()).trim())
                .findFirst().orElse(null);
    }
}
