package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent verifier (docs/fairness/verify.mjs, Node) on published draws and returns
 * its closing line ("N passed, M failed"). Needs Node.js and `npm ci` in docs/fairness, which
 * bin/test runs first.
 */
public final class FairnessVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FairnessVerifier() {
    }

    public static String verify(ArrayNode draws, String... flags) throws IOException, InterruptedException {
        Path verifier = RepositoryFiles.resolve("docs/fairness/verify.mjs");
        if (!Files.isDirectory(verifier.resolveSibling("node_modules"))) {
            throw new IllegalStateException("run `npm ci` in docs/fairness first (bin/test does)");
        }
        Path batch = Files.createTempFile("draws", ".json");
        JSON.writeValue(batch.toFile(), draws);
        List<String> command = new ArrayList<>(List.of("node", verifier.toString(), "--batch", batch.toString()));
        command.addAll(List.of(flags));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.delete(batch);
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
