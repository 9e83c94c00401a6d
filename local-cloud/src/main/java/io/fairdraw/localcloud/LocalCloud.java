package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.BufferedRequests;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.testsupport.TestTables;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableBootstrap;
import io.fairdraw.testsupport.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The AWS side of Fairdraw on one machine, built from {@code infra-terraform/topology.json}:
 * every function from its packaged {@code function.zip} behind its own Lambda Runtime API, the
 * HTTP API with the compliance authorizer, the table-stream pipes, the event bus and its rules,
 * the SQS queues with their consumers, and the draw scheduler. DynamoDB Local and Keycloak run
 * beside it ({@code local-cloud/start} starts all of them).
 */
public final class LocalCloud implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalCloud.class);
    /** Queue visibility timeouts are kept, but never longer than this on a laptop (draws are compressed too). */
    static final Duration MAX_LOCAL_VISIBILITY = Duration.ofSeconds(10);
    /** The float each game's house starts with locally: ten billion in minor units (IDR 100 million). */
    static final long HOUSE_FLOAT_MINOR = 10_000_000_000L;

    private final Settings settings;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, FunctionHost> functions = new LinkedHashMap<>();
    private final Map<String, TableGrants> grants = new LinkedHashMap<>();
    private final Map<String, ServiceGrants> serviceGrants = new LinkedHashMap<>();
    private final Map<String, LocalQueue> queues = new LinkedHashMap<>();
    private final Chaos chaos = new Chaos();
    private volatile boolean closed;
    private DrawScheduler scheduler;
    private LocalDatabase database;
    private ControlApi control;

    /** The back office's PostgreSQL, started when the first function that needs it is set up. */
    private LocalDatabase database(Settings settings) {
        if (database == null) {
            database = LocalDatabase.start(settings.data().resolve("postgres"), LocalDatabase.rolesScript(settings.root()));
            resources.add(database);
        }
        return database;
    }

    LocalCloud(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        LocalCloud cloud = new LocalCloud(Settings.parse(List.of(args)));
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-shutdown"));
        cloud.start();
        cloud.awaitReady(Duration.ofMinutes(5));
        Thread.currentThread().join();
    }

    void start() throws IOException {
        JsonNode topology = Topology.load().document();
        Path logs = settings.data().resolve("logs");
        Files.createDirectories(logs);

        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(settings.dynamoEndpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new BufferedRequests())).build();
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(settings.dynamoEndpoint()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new BufferedRequests())).build();
        resources.add(dynamo);
        resources.add(streams);
        TableBootstrap.createMissing(dynamo, Table::defaultName);

        Path catalogueFile = settings.data().resolve("games.json");
        GameCatalogue catalogue = LocalCatalogue.write(catalogueFile, settings.drawEveryMinutes());
        fundHouses(dynamo, catalogue);
        String originSecret = HexFormat.of().formatHex(randomBytes());
        String sandboxSecret = HexFormat.of().formatHex(randomBytes());
        writeSecret(settings.data().resolve("sandbox").resolve("webhook-secret"), sandboxSecret);
        LocalSecrets secrets = new LocalSecrets(settings.data(), originSecret, sandboxSecret);

        List<Path> ricJars = RuntimeClient.jars(settings.root());
        Path jni = RuntimeClient.nativeLibrary(ricJars, settings.data().resolve("ric"));
        String java = ProcessHandle.current().info().command().orElse("java");
        var functionNodes = topology.get("functions").fields();
        while (functionNodes.hasNext()) {
            var entry = functionNodes.next();
            String name = entry.getKey();
            if (!settings.functions().isEmpty() && !settings.functions().contains(name)) {
                continue;
            }
            JsonNode node = entry.getValue();
            FunctionPackage pkg = new FunctionPackage(name, settings.root().resolve(node.get("artifact").asText()),
                    settings.data().resolve("functions").resolve(name), node.get("handler").asText(), node.get("memoryMb").asInt());
            pkg.unpack();
            // Each function has a DynamoDB endpoint of its own, which holds its calls to its IAM policy.
            TableGrants tableGrants = TableGrants.of(topology, name);
            grants.put(name, tableGrants);
            // Its Secrets Manager and SQS calls are held to its policy by the control port, which knows it by its access key.
            serviceGrants.put(name, ServiceGrants.of(topology, name, secrets.idsOf(node)));
            DynamoProxy proxy = new DynamoProxy(URI.create(settings.dynamoEndpoint()), chaos, tableGrants);
            String functionDynamo = proxy.start();
            resources.add(proxy);
            Optional<String> ownDynamo = node.path("tables").isEmpty() ? Optional.empty() : Optional.of(functionDynamo);
            Map<String, String> properties = new LinkedHashMap<>(FunctionSettings.of(name, settings, ownDynamo, catalogueFile,
                    secrets.idsOf(node)));
            properties.put(RuntimeClient.JNI_PROPERTY, jni.toString());
            if (node.has("database")) {
                properties.putAll(database(settings).functionProperties(node.get("databaseUser").asText()));
            }
            FunctionHost host = new FunctionHost(name, node.get("timeoutSeconds").asInt(), 1,
                    address -> pkg.command(address, java, ricJars, properties), logs.resolve("fn-" + name + ".log"));
            functions.put(name, host);
            resources.add(host);
        }

        for (JsonNode queue : topology.get("queues")) {
            FunctionHost consumer = functions.get(queue.get("function").asText());
            if (consumer == null) {
                continue;
            }
            Duration visibility = Duration.ofSeconds(queue.get("visibilityTimeoutSeconds").asLong());
            LocalQueue local = new LocalQueue(queue.get("name").asText(), consumer,
                    visibility.compareTo(MAX_LOCAL_VISIBILITY) > 0 ? MAX_LOCAL_VISIBILITY : visibility, queue.get("maxReceiveCount").asInt(), chaos);
            queues.put(local.name(), local);
            resources.add(local);
        }
        EventBus bus = new EventBus(topology, queues, logs.resolve("events.log"), chaos);
        StreamPipes pipes = new StreamPipes(topology, dynamo, streams, bus, settings.data().resolve("stream-checkpoints.json"));
        resources.add(pipes);
        StreamConsumers consumers = new StreamConsumers(topology, functions, dynamo, streams, settings.data());
        resources.add(consumers);
        FunctionHost draw = functions.get("draw");
        if (draw != null) {
            scheduler = new DrawScheduler(topology, catalogue, draw.name(), draw::invokeAsync, Instant::now, chaos);
            resources.add(scheduler);
        }

        Gateway gateway = new Gateway(topology, functions, new Edge(settings.viewerCountry(), settings.viewerRegion(), originSecret),
                new StaticFiles(settings.webapp()));
        gateway.start(settings.apiPort());
        resources.add(gateway);
        control = new ControlApi(functions, queues, bus, scheduler, new SandboxPage(sandboxSecret, settings.apiPort(),
                new SandboxRecords(settings.data().resolve("sandbox").resolve("records.jsonl"))),
                new Audit(dynamo), chaos, secrets.store(), grants, serviceGrants);
        control.start(settings.controlPort());
        resources.add(control);

        functions.values().forEach(FunctionHost::start);
        queues.values().forEach(LocalQueue::start);
        pipes.start();
        consumers.start();
        Thread.ofPlatform().daemon().name("chaos-killer").start(this::killAtRandom);
        LOG.infof("API on http://localhost:%d, control on http://localhost:%d; starting %s", settings.apiPort(), settings.controlPort(),
                functions.keySet());
    }

    /** This run's sandbox webhook secret, readable by its owner only, for a developer signing notifications by hand. */
    private static void writeSecret(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n");
    }

    /** Waits for every function to finish starting, then sets the scheduler going. */
    void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!control.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the functions did not start within " + limit + "; see " + settings.data().resolve("logs"));
            }
            Thread.sleep(200);
        }
        if (scheduler != null) {
            scheduler.planFrom(Instant.now());
            scheduler.start();
        }
        LOG.infof("local-cloud is ready: %s", functions.keySet());
    }

    /**
     * Each game's house account gets the operator's float once (a CAPITAL transfer with a fixed
     * cause, so a restart adds nothing): fixed-odds wins are paid from the house, and on a new
     * laptop it holds nothing yet. In AWS the operator funds it through the back office.
     */
    private static void fundHouses(DynamoDbClient dynamo, GameCatalogue catalogue) {
        Ledger ledger = new Ledger(dynamo, new Transactions(dynamo), TestTables.defaults());
        AuditStamp stamp = new AuditStamp("local-cloud", new RequestId("local-cloud-float"));
        for (Game game : catalogue.games()) {
            Money amount = new Money(HOUSE_FLOAT_MINOR, game.currency());
            ledger.apply(Transfer.of(TransferKind.CAPITAL, "local-cloud:float:" + game.id(), AccountId.operatorCapital(game.currency()),
                    AccountId.house(game.id(), game.currency()), amount, Instant.now()), stamp);
        }
    }

    /** While chaos asks for it, kills a random function process now and then (SIGKILL, mid-flight or idle). */
    private void killAtRandom() {
        while (!closed) {
            int wait = chaos.nextKillInSeconds();
            try {
                Thread.sleep(wait == 0 ? 1000 : wait * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            if (wait == 0 || !chaos.on()) {
                continue;
            }
            List<Long> pids = functions.values().stream().flatMap(host -> host.pids().stream()).toList();
            if (!pids.isEmpty()) {
                long pid = chaos.pick(pids);
                LOG.warnf("chaos: killing function process %d", pid);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    Map<String, FunctionHost> functions() {
        return functions;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * The runtime interface client's native library, unpacked once. Left to itself, every client
     * copies it to the same {@code /tmp/.libaws-lambda-jni.so} as it starts, and processes that
     * start together crash (SIGBUS) loading a file another one is rewriting.
     */
    @Override
    public synchronized void close() {
        closed = true;
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        resources.clear();
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debugf("closing %s: %s", resource, e);
            }
        }
    }
}
