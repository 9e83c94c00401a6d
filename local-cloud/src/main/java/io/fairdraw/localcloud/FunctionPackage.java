package io.fairdraw.localcloud;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment package, unpacked as Lambda unpacks it into {@code /var/task}, and the
 * command that hosts it: a native {@code bootstrap} runs by itself (the provided.al2023 runtime);
 * a JVM package runs under AWS's runtime interface client with the JVM flags of Lambda's Java
 * runtime (tiered compilation stopped at C1, serial GC), which loads {@code ./} and
 * {@code ./lib/*.jar} itself.
 */
public record FunctionPackage(String name, Path zip, Path taskRoot, String handler, int memoryMb) {
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** Unpacks the zip again when it changed since the last unpack. */
    public void unpack() throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build the functions first (./mvnw package -DskipTests)");
        }
        Path stamp = taskRoot.resolve(".unpacked-from");
        FileTime built = Files.getLastModifiedTime(zip);
        if (Files.isRegularFile(stamp) && Files.getLastModifiedTime(stamp).equals(built)) {
            return;
        }
        if (Files.exists(taskRoot)) {
            try (Stream<Path> old = Files.walk(taskRoot)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(taskRoot);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IOException("a zip entry points outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
        Path bootstrap = taskRoot.resolve("bootstrap");
        if (Files.isRegularFile(bootstrap)) {
            bootstrap.toFile().setExecutable(true);
        }
        Files.writeString(stamp, zip.toString());
        Files.setLastModifiedTime(stamp, built);
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    boolean isNative() {
        return Files.isExecutable(taskRoot.resolve("bootstrap"));
    }

    /** The command of one execution environment, its configuration given as system properties. */
    public ProcessBuilder command(String runtimeApi, String java, List<Path> ricJars, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        if (isNative()) {
            command.add(taskRoot.resolve("bootstrap").toString());
        } else {
            command.add(java);
            command.add("-XX:+TieredCompilation");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.add("-Xmx" + Math.max(128, memoryMb * 3 / 4) + "m");
            command.add("--enable-native-access=ALL-UNNAMED");
            // JBoss Threads resets thread locals through java.lang's internals, which Java 24 and later
            // close unless opened; Lambda's Java 21 runtime needs no such flag. Harmless on 21.
            command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!isNative()) {
            command.add("-cp");
            command.add(String.join(File.pathSeparator, ricJars.stream().map(Path::toString).toList()));
            command.add(RIC_MAIN);
            command.add(handler);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // Lambda gives each function its execution role's credentials; here each its own key, by
        // which local-cloud holds its Secrets Manager and SQS calls to its policy (ServiceGrants).
        env.put("AWS_ACCESS_KEY_ID", ServiceGrants.accessKeyOf(name));
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("TZ", "UTC");
        return builder;
    }
}
