package io.fairdraw.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A function's unpacked {@code function.zip} loaded into this JVM in a class loader of its own
 * (its classes and {@code lib/*.jar}, nothing of ours), entered through the handler Lambda's Java
 * runtime calls, {@code QuarkusStreamHandler.handleRequest(in, out, context)}: the event's JSON
 * in, the function's JSON answer out, with the Quarkus application, JAX-RS, token checks and the
 * function's DynamoDB client all on the path. Concurrent calls stand for concurrent execution
 * environments sharing this machine's cores. The function lives as long as the JVM: its threads
 * outlive any attempt to unload it.
 */
final class InProcessFunction {
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    private final URLClassLoader loader;
    private final Object handler;
    private final Method handle;
    private final Class<?> contextType;

    private InProcessFunction(URLClassLoader loader, Object handler, Method handle, Class<?> contextType) {
        this.loader = loader;
        this.handler = handler;
        this.handle = handle;
        this.contextType = contextType;
    }

    /**
     * The function's class loader, made before anything else in this JVM logs: its JBoss log
     * manager becomes {@code java.util.logging}'s, as it is in a function's own JVM (the JDK looks
     * the manager's class up in the context class loader when the system class path lacks it, and
     * the benchmark's lacks it on purpose). Without that, Quarkus could not configure the
     * function's logging, and every debug message of the SDK and Vert.x would be formatted.
     */
    static URLClassLoader prepare(Path taskRoot) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(taskRoot));
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(url(jar));
            }
        }
        URLClassLoader loader = new URLClassLoader("function", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            java.util.logging.LogManager manager = java.util.logging.LogManager.getLogManager();
            if (manager.getClass().getClassLoader() != loader) {
                throw new IllegalStateException("java.util.logging was set up before the function: " + manager.getClass());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return loader;
    }

    /**
     * Starts the function in the loader {@link #prepare} made, its configuration given as system
     * properties (Quarkus reads them as it would read Lambda's environment variables).
     */
    static InProcessFunction start(URLClassLoader loader, Map<String, String> properties) throws ReflectiveOperationException {
        properties.forEach(System::setProperty);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = loader.loadClass(HANDLER);
            Class<?> contextType = loader.loadClass(CONTEXT);
            Object handler = type.getConstructor().newInstance();
            return new InProcessFunction(loader, handler, type.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType),
                    contextType);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * One event, answered within {@code limit}, or empty. The handler runs on the calling thread,
     * as it does on the runtime's thread in Lambda. Quarkus's HTTP adapter serves one event at a
     * time in Lambda, and under concurrent calls in one JVM it very rarely (about once in
     * thousands here) never completes one: a watchdog then interrupts the call, which is abandoned
     * and counted instead of stopping the run. The watchdog only looks at the calls in flight once
     * a second, so it adds no hand-over between threads to the calls it times.
     */
    java.util.Optional<String> invoke(String event, java.time.Duration limit) {
        Thread caller = Thread.currentThread();
        IN_FLIGHT.put(caller, System.nanoTime() + limit.toNanos());
        try {
            String answer = invoke(event);
            // Interrupted past its limit, the adapter may still answer (a 500): the call is abandoned all the same.
            return ABANDONED.contains(caller) ? java.util.Optional.empty() : java.util.Optional.of(answer);
        } catch (IllegalStateException e) {
            if (ABANDONED.contains(caller)) {
                return java.util.Optional.empty();
            }
            throw e;
        } finally {
            synchronized (ABANDONED) {
                IN_FLIGHT.remove(caller);
                if (ABANDONED.remove(caller)) {
                    Thread.interrupted();
                }
            }
        }
    }

    private static final java.util.Map<Thread, Long> IN_FLIGHT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<Thread> ABANDONED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                synchronized (ABANDONED) {
                    IN_FLIGHT.forEach((thread, deadline) -> {
                        if (now - deadline > 0 && IN_FLIGHT.remove(thread, deadline)) {
                            ABANDONED.add(thread);
                            thread.interrupt();
                        }
                    });
                }
            }
        }, "function-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** One event, answered. */
    String invoke(String event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handle.invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context());
            return out.toString(StandardCharsets.UTF_8);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the function failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The Lambda context an environment passes: a fresh request id, 30 s left, 1 GiB. */
    private Object context() {
        String requestId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getRemainingTimeInMillis" -> 30_000;
            case "getMemoryLimitInMB" -> 1024;
            case "getFunctionName", "getLogGroupName", "getLogStreamName" -> "bench";
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:bench";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "bench context " + requestId;
            default -> null;
        });
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
