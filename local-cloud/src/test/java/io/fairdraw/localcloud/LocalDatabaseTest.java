package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.testsupport.RepositoryFiles;
import io.fairdraw.testsupport.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back office's database roles, as Terraform makes them in Aurora and local-cloud on its
 * PostgreSQL, from the one script: the projector owns and evolves the schema; the API reads and
 * writes rows but cannot change the schema, empty a table or delete anything but a player's
 * personal record (erasure); running the script again, on a database that already has tables,
 * changes nothing. Each function logs in as the role topology.json names, never as the superuser.
 */
class LocalDatabaseTest {
    @TempDir
    Path data;

    @Test
    void eachFunctionLogsInAsItsOwnRoleWithOnlyWhatItNeeds() throws Exception {
        Path script = LocalDatabase.rolesScript(RepositoryFiles.root());
        try (LocalDatabase database = LocalDatabase.start(data.resolve("postgres"), script)) {
            // A table made before the roles existed (an older local data directory) passes to the projector.
            try (Connection superuser = connect(database, "postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("CREATE TABLE legacy (id bigint PRIMARY KEY, note text)");
                sql.execute(Files.readString(script));
                sql.execute(Files.readString(script));
                assertThat(owner(sql, "legacy")).isEqualTo("fairdraw_projector");
                assertThat(bool(sql, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = 'fairdraw_api'"))
                        .isFalse();
            }

            // The projector makes the schema as Hibernate's update does, and then lets the API erase.
            try (Connection projector = connect(database, "fairdraw_projector"); Statement sql = projector.createStatement()) {
                sql.execute("CREATE TABLE players (id text PRIMARY KEY, status text)");
                sql.execute("CREATE TABLE player_personal (id text PRIMARY KEY, sealed bytea)");
                sql.execute("CREATE SEQUENCE audit_seq");
                sql.execute("ALTER TABLE players ADD COLUMN segment text");
                sql.execute("GRANT DELETE ON player_personal TO fairdraw_api");
            }

            try (Connection api = connect(database, "fairdraw_api"); Statement sql = api.createStatement()) {
                sql.execute("INSERT INTO players (id, status) VALUES ('p1', 'ACTIVE')");
                sql.execute("UPDATE players SET status = 'EXCLUDED' WHERE id = 'p1'");
                sql.execute("INSERT INTO player_personal (id) VALUES ('p1')");
                sql.execute("INSERT INTO legacy (id) VALUES (1)");
                assertThat(bool(sql, "SELECT nextval('audit_seq') = 1")).isTrue();
                assertThat(sql.executeUpdate("DELETE FROM player_personal WHERE id = 'p1'")).isEqualTo(1);

                for (String statement : new String[] {
                        "DELETE FROM players WHERE id = 'p1'",
                        "DELETE FROM legacy",
                        "TRUNCATE players",
                        "DROP TABLE players",
                        "ALTER TABLE players ADD COLUMN note text",
                        "CREATE TABLE mine (id int)",
                        "CREATE ROLE intruder",
                        "SET ROLE fairdraw_projector"}) {
                    assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                }
                assertThat(bool(sql, "SELECT count(*) = 1 FROM players")).as("nothing refused changed a row").isTrue();
            }
        }
    }

    @Test
    void theRolesAreTheOnesTheTopologyNames() throws Exception {
        String script = Files.readString(LocalDatabase.rolesScript(RepositoryFiles.root()));
        Set<String> users = new TreeSet<>();
        Topology.load().document().get("functions").properties().forEach(f -> {
            if (f.getValue().has("database")) {
                users.add(f.getValue().get("databaseUser").asText());
            }
        });
        assertThat(users).containsExactlyInAnyOrder("fairdraw_api", "fairdraw_projector");
        users.forEach(user -> assertThat(script).contains("CREATE ROLE " + user + " LOGIN"));
    }

    private static Connection connect(LocalDatabase database, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/postgres", user, "");
    }

    private static String owner(Statement sql, String table) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = '" + table + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean bool(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
