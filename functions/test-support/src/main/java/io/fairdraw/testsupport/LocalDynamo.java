package io.fairdraw.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.fairdraw.platform.dynamo.BufferedRequests;
import io.fairdraw.platform.dynamo.TableBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One DynamoDB Local server per test JVM, in memory on a free loopback port, with every table of
 * the platform created. Started on first use and stopped when the JVM exits, so all test classes
 * of a module share it (and its start-up cost) like they share one Quarkus boot.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static LocalDynamo instance;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client(endpoint, List.of());
    }

    /**
     * A client of another DynamoDB endpoint (a hop in front of this one, say), configured as this
     * server's own client, its calls passing through the given interceptors as well.
     */
    public static DynamoDbClient clientOf(URI endpoint, ExecutionInterceptor... interceptors) {
        return client(endpoint, List.of(interceptors));
    }

    /** A client of its own whose calls pass through the given interceptors: for fault-injection tests. */
    public DynamoDbClient clientWith(ExecutionInterceptor... interceptors) {
        return client(endpoint, List.of(interceptors));
    }

    private static DynamoDbClient client(URI endpoint, List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(List.of(new BufferedRequests()));
        all.addAll(interceptors);
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(all).build())
                .build();
    }

    /** A client of the server's DynamoDB Streams API (DynamoDB Local serves both). */
    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new BufferedRequests()))
                .build();
    }

    /** The shared server, started with all tables on first call. */
    public static synchronized LocalDynamo shared() {
        if (instance == null) {
            instance = start();
            TableBootstrap.createMissingWithDefaultNames(instance.client);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "dynamodb-local-stop"));
        }
        return instance;
    }

    /**
     * A server of the caller's own, not the shared one: in memory on a free port, with every table
     * of the platform created; the caller closes it. For a benchmark that measures each phase on a
     * DynamoDB Local that has served nothing before.
     */
    public static LocalDynamo startAnother() {
        LocalDynamo another = start();
        TableBootstrap.createMissingWithDefaultNames(another.client);
        return another;
    }

    /** Stops a server from {@link #startAnother()}; its data is gone. */
    @Override
    public void close() {
        stop();
    }

    private static LocalDynamo start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new LocalDynamo(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for tests that read or prepare tables directly, bypassing the function under test. */
    public DynamoDbClient client() {
        return client;
    }

    private void stop() {
        try {
            client.close();
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; an in-memory server has nothing left to lose.
        }
    }
}
