package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@code docs/api/<function>.openapi.yaml} equal to the document the build generates. A
 * stale committed document fails the test; run the tests with {@code -Dfairdraw.docs.update=true}
 * to rewrite it, then commit the change.
 */
public final class ApiDocuments {
    public static final String UPDATE_PROPERTY = "fairdraw.docs.update";

    private ApiDocuments() {
    }

    public static void assertCommittedDocumentIsCurrent(String function) {
        Path generated = Path.of("target", "openapi", "openapi.yaml");
        Path committed = RepositoryFiles.resolve("docs/api/" + function + ".openapi.yaml");
        try {
            String current = Files.readString(generated);
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.writeString(committed, current);
            }
            assertThat(Files.exists(committed))
                    .as("%s is missing; run the tests with -D%s=true", committed, UPDATE_PROPERTY)
                    .isTrue();
            assertThat(Files.readString(committed))
                    .as("%s is stale; run the tests with -D%s=true and commit it", committed, UPDATE_PROPERTY)
                    .isEqualTo(current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
