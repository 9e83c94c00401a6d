package io.fairdraw.model.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Clients switch on reason codes, so every one is documented with its status in docs/api/README.md. */
class ErrorCatalogueDocumentedTest {
    @Test
    void everyReasonCodeIsDocumentedWithItsStatus() throws IOException {
        String catalogue = Files.readString(Path.of("..", "docs", "api", "README.md"));
        for (ErrorType type : ErrorType.values()) {
            assertThat(catalogue).as(type.reasonCode()).contains("| `" + type.reasonCode() + "` | " + type.httpStatus() + " |");
        }
    }
}
