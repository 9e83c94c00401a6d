package io.fairdraw.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.TestTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A SnapStart restore makes the catalogues read the approved versions again at once, though the
 * reading taken before the snapshot is, by its monotonic clock, still fresh.
 */
class CataloguesRestoreTest {
    private static final Instant FAR_AHEAD = Instant.parse("3000-01-01T00:00:00Z");

    @Test
    void aVersionApprovedBeforeTheRestoreIsInForceAfterItThoughTheRefreshIsAnHourAway() throws IOException {
        ConfigVersions versions = new ConfigVersions(LocalDynamo.shared().client(), TestTables.defaults());
        Catalogues catalogues = new Catalogues(GameFiles.sample(), JurisdictionFiles.sample(), Duration.ofHours(1), versions,
                TimeSource.system());
        Object before = catalogues.inForce(ConfigKind.GAMES, FAR_AHEAD);

        int version = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        Instant now = Instant.now();
        AuditStamp stamp = new AuditStamp("test", new RequestId("restore-" + version));
        String document;
        try (InputStream in = GameFiles.class.getClassLoader().getResourceAsStream("fairdraw-games.json")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(versions.propose(new ConfigVersion(ConfigKind.GAMES, version, ConfigVersion.Status.PROPOSED,
                Instant.parse("2999-12-31T00:00:00Z"), document, "digest-" + version, "proposer", now, "restore test",
                Optional.empty(), Optional.empty(), Optional.empty()), stamp)).isTrue();
        assertThat(versions.decide(ConfigKind.GAMES, version, ConfigVersion.Status.APPROVED, "approver", "restore test", now, stamp)).isTrue();

        assertThat(catalogues.inForce(ConfigKind.GAMES, FAR_AHEAD)).as("the reading before the snapshot, an hour from stale").isSameAs(before);
        catalogues.restored();
        assertThat(catalogues.inForce(ConfigKind.GAMES, FAR_AHEAD)).as("read again after the restore")
                .isInstanceOf(GameCatalogue.class).isNotSameAs(before);
    }
}
