package io.fairdraw.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads the JSON documents an operator configures (catalogues, the sanctions list): the sample
 * shipped on the classpath, or the operator's own file. A missing or unreadable one stops the
 * function at start.
 */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    /** A document shipped on the classpath under {@code name}, parsed. */
    public static <T> T resource(String name, Function<JsonNode, T> parse) {
        try (InputStream in = JsonFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return parse.apply(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator's file, parsed; {@code what} names it when it cannot be read. */
    public static <T> T file(Path file, String what, Function<JsonNode, T> parse) {
        try {
            return parse.apply(JSON.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + file, e);
        }
    }
}
