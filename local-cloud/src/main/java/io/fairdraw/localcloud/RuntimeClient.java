package io.fairdraw.localcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * AWS's runtime interface client, which hosts a JVM function.zip as the managed Java runtime does:
 * its jars (copied to {@code local-cloud/target/ric} by the build) and its JNI library, unpacked
 * once to a folder of ours. The client would otherwise copy the library to one fixed {@code /tmp}
 * path from every process, and processes starting together crash on each other's copy.
 */
public final class RuntimeClient {
    /** The system property naming the unpacked JNI library. */
    public static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeClient() {
    }

    /** The client's jars under the repository root {@code root}. */
    public static List<Path> jars(Path root) throws IOException {
        Path dir = root.resolve("local-cloud/target/ric");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build local-cloud first (./mvnw package -DskipTests -pl local-cloud -am)");
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The JNI library for this machine, unpacked into {@code folder}. */
    public static Path nativeLibrary(List<Path> jars, Path folder) throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String libc = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1")) ? "linux_musl" : "linux";
        String entry = "jni/libaws-lambda-jni." + libc + "-" + arch + ".so";
        Path target = folder.resolve("libaws-lambda-jni.so");
        Files.createDirectories(folder);
        for (Path jar : jars) {
            try (var zip = new ZipFile(jar.toFile())) {
                var found = zip.getEntry(entry);
                if (found != null) {
                    Path temporary = Files.createTempFile(folder, "jni", ".so");
                    try (var in = zip.getInputStream(found)) {
                        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                }
            }
        }
        throw new IllegalStateException("no " + entry + " in the runtime interface client's jars");
    }
}
