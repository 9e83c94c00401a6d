package io.fairdraw.localcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One function's execution environments: {@code instances} processes polling the function's
 * {@link RuntimeApi}, each handling one event at a time as a Lambda environment does. A process
 * that dies, or runs an event past the function's timeout (then it is killed, as Lambda does),
 * is started again; the event it held is retried when it was asynchronous.
 */
public final class FunctionHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FunctionHost.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    /** How to start one environment: the command and environment, given the runtime API's address. */
    public interface Launcher {
        ProcessBuilder command(String runtimeApiAddress);
    }

    private final String name;
    private final int timeoutSeconds;
    private final BlockingDeque<Invocation> pending = new LinkedBlockingDeque<>();
    private final Launcher launcher;
    private final Path log;
    private final List<Environment> environments = new ArrayList<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closing;

    public FunctionHost(String name, int timeoutSeconds, int instances, Launcher launcher, Path log) throws IOException {
        this.name = name;
        this.timeoutSeconds = timeoutSeconds;
        this.launcher = launcher;
        this.log = log;
        Files.createDirectories(log.getParent());
        for (int i = 0; i < instances; i++) {
            environments.add(new Environment(i));
        }
    }

    String name() {
        return name;
    }

    public void start() {
        environments.forEach(Environment::start);
        Thread.ofPlatform().daemon().name(name + "-watchdog").start(this::watchdog);
    }

    /** True once every environment finished its initialisation and asked for work. */
    public boolean ready() {
        return environments.stream().allMatch(environment -> environment.alive() && environment.runtime.ready());
    }

    /** A synchronous invocation (RequestResponse): its result, or its failure. */
    public CompletableFuture<Invocation.Result> invoke(byte[] payload) {
        return submit(Invocation.sync(payload));
    }

    /** An asynchronous invocation (Event), retried twice if its environment dies under it. */
    CompletableFuture<Invocation.Result> invokeAsync(byte[] payload) {
        return submit(Invocation.async(payload));
    }

    private CompletableFuture<Invocation.Result> submit(Invocation invocation) {
        invocations.incrementAndGet();
        pending.add(invocation);
        return invocation.outcome();
    }

    /** A snapshot for the control API. */
    Map<String, Object> status() {
        return Map.of("name", name, "ready", ready(), "pids", environments.stream().map(Environment::pid).toList(),
                "invocations", invocations.get(), "restarts", restarts.get(), "pending", pending.size(),
                "inFlight", environments.stream().mapToInt(environment -> environment.runtime.inFlightCount()).sum(), "log", log.toString());
    }

    /** The process ids of the running environments, for the control API (and the tests that kill them). */
    List<Long> pids() {
        return environments.stream().map(Environment::pid).filter(pid -> pid > 0).toList();
    }

    private void watchdog() {
        while (!closing) {
            for (Environment environment : environments) {
                if (environment.runtime.overdue(System.currentTimeMillis())) {
                    LOG.warnf("%s: an event ran past the function's timeout of %ds; stopping its environment", name, timeoutSeconds);
                    environment.kill();
                }
            }
            sleep(Duration.ofMillis(250));
        }
    }

    @Override
    public void close() {
        closing = true;
        for (Environment environment : environments) {
            environment.kill();
            environment.runtime.abandonInFlight("Runtime.Shutdown");
            environment.runtime.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One process, started again whenever it ends while the host is open. */
    private final class Environment {
        private final int index;
        private final RuntimeApi runtime;
        private volatile Process process;

        Environment(int index) throws IOException {
            this.index = index;
            this.runtime = new RuntimeApi(name, timeoutSeconds, pending, this::alive);
        }

        public void start() {
            Thread.ofPlatform().daemon().name(name + "-env-" + index).start(this::supervise);
        }

        boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        long pid() {
            Process p = process;
            return p == null || !p.isAlive() ? -1 : p.pid();
        }

        void kill() {
            Process p = process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }

        private void supervise() {
            Duration backoff = FIRST_BACKOFF;
            while (!closing) {
                long started = System.nanoTime();
                try {
                    ProcessBuilder builder = launcher.command(runtime.address());
                    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                    process = builder.start();
                    int code = process.waitFor();
                    if (closing) {
                        return;
                    }
                    LOG.warnf("%s: environment %d ended with exit code %d; starting it again", name, index, code);
                } catch (IOException e) {
                    LOG.errorf("%s: cannot start an environment: %s", name, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                restarts.incrementAndGet();
                // A process that ran a while had a one-off failure; one that keeps dying waits longer each time.
                boolean ranAWhile = Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) > 0;
                backoff = ranAWhile ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
                runtime.abandonInFlight("Runtime.ExitError");
                sleep(backoff);
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
