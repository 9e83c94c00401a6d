package io.fairdraw.platform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.JurisdictionCatalogue;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.snapstart.RestoreAware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The catalogues in force. The baseline of each kind is the deployed file (or the shipped sample);
 * on top of it, the approved versions from change control, each from its effective time. What is
 * in force at an instant is the approved version with the latest effective time not after it,
 * else the baseline. Approved versions are read at most once per {@code fairdraw.config.refresh}
 * (a minute by default) and parsed once each, so applying a catalogue costs no read per request.
 *
 * <p>A draw keeps the game terms it opened under ({@code Draw.termsVersion}): tickets of one draw
 * are priced and settled by one version, so a change never alters what was sold.
 */
@ApplicationScoped
public class Catalogues implements RestoreAware {
    private static final Logger LOG = Logger.getLogger(Catalogues.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Approved(int version, Instant effectiveFrom, Object catalogue) {
    }

    private record Snapshot(long loadedAtNanos, List<Approved> approved) {
    }

    private final GameCatalogue baseGames;
    private final JurisdictionCatalogue baseJurisdictions;
    private final ConfigVersions versions;
    private final TimeSource clock;
    private final long refreshNanos;
    private final Map<ConfigKind, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();

    @Inject
    public Catalogues(@ConfigProperty(name = "fairdraw.games.catalogue-file") Optional<String> gamesFile,
            @ConfigProperty(name = "fairdraw.compliance.jurisdictions-file") Optional<String> jurisdictionsFile,
            @ConfigProperty(name = "fairdraw.config.refresh", defaultValue = "60s") Duration refresh, ConfigVersions versions,
            TimeSource clock) {
        this(gamesFile.map(Path::of).map(GameFiles::read).orElseGet(GameFiles::sample),
                jurisdictionsFile.map(Path::of).map(JurisdictionFiles::read).orElseGet(JurisdictionFiles::sample), refresh, versions, clock);
    }

    public Catalogues(GameCatalogue baseGames, JurisdictionCatalogue baseJurisdictions, Duration refresh, ConfigVersions versions,
            TimeSource clock) {
        this.baseGames = baseGames;
        this.baseJurisdictions = baseJurisdictions;
        this.refreshNanos = refresh.toNanos();
        this.versions = versions;
        this.clock = clock;
    }

    /** Catalogues over these baselines, the approved versions read once a minute: for tools and tests built without CDI. */
    public static Catalogues over(GameCatalogue games, JurisdictionCatalogue jurisdictions, ConfigVersions versions) {
        return new Catalogues(games, jurisdictions, Duration.ofMinutes(1), versions, TimeSource.system());
    }

    /** The game catalogue in force now: what new draws open under and what the game list shows. */
    public GameCatalogue games() {
        return (GameCatalogue) inForce(ConfigKind.GAMES, clock.now());
    }

    /**
     * The game catalogue of a version: the terms a draw opened under. Version 0 (a draw opened
     * before change control recorded it) and the baseline's own version are the deployed file.
     */
    public GameCatalogue games(int version) {
        if (version == 0 || version == baseGames.version()) {
            return baseGames;
        }
        return (GameCatalogue) approved(ConfigKind.GAMES, version)
                .orElseThrow(() -> new IllegalStateException("game catalogue version " + version + " is not approved"));
    }

    /** The jurisdiction catalogue in force now. */
    public JurisdictionCatalogue jurisdictions() {
        return (JurisdictionCatalogue) inForce(ConfigKind.JURISDICTIONS, clock.now());
    }

    /** The deployed catalogue of a kind, under every approved version. */
    public Object baseline(ConfigKind kind) {
        return kind == ConfigKind.GAMES ? baseGames : baseJurisdictions;
    }

    /**
     * After a SnapStart restore the approved versions are read again at first use: the snapshot's
     * reading is of the moment it was taken, and the monotonic clock its age is measured by does
     * not continue across a restore.
     */
    @Override
    public void restored() {
        snapshots.clear();
    }

    /** The catalogue of a kind in force at an instant. */
    public Object inForce(ConfigKind kind, Instant at) {
        return snapshot(kind, false).approved().stream()
                .filter(a -> !a.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(Approved::effectiveFrom).thenComparingInt(Approved::version))
                .map(Approved::catalogue)
                .orElse(baseline(kind));
    }

    private Optional<Object> approved(ConfigKind kind, int version) {
        Optional<Object> known = find(snapshot(kind, false), version);
        // A version approved since the last read: read again once before refusing.
        return known.isPresent() ? known : find(snapshot(kind, true), version);
    }

    private static Optional<Object> find(Snapshot snapshot, int version) {
        return snapshot.approved().stream().filter(a -> a.version() == version).findFirst().map(Approved::catalogue);
    }

    private Snapshot snapshot(ConfigKind kind, boolean force) {
        Snapshot current = snapshots.get(kind);
        long now = System.nanoTime();
        if (current != null && !force && now - current.loadedAtNanos() < refreshNanos) {
            return current;
        }
        try {
            List<Approved> approved = versions.all(kind).stream()
                    .filter(v -> v.status() == ConfigVersion.Status.APPROVED)
                    .map(v -> new Approved(v.version(), v.effectiveFrom(), parsed.computeIfAbsent(kind.id() + "#" + v.version() + "#" + v.digest(),
                            k -> parse(kind, v))))
                    .toList();
            Snapshot fresh = new Snapshot(now, approved);
            snapshots.put(kind, fresh);
            return fresh;
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            LOG.warnf(e, "reading the %s versions failed; the last read stays in force", kind.id());
            return current;
        }
    }

    private static Object parse(ConfigKind kind, ConfigVersion version) {
        try {
            return kind.parse(JSON.readTree(version.document()));
        } catch (IOException e) {
            throw new UncheckedIOException("approved " + kind.id() + " version " + version.version() + " is not JSON", e);
        }
    }
}
