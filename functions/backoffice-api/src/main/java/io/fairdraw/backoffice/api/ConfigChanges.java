package io.fairdraw.backoffice.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.config.ConfigKind;
import io.fairdraw.platform.config.ConfigVersion;
import io.fairdraw.platform.config.ConfigVersions;
import io.fairdraw.platform.dynamo.AuditStamp;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Change control of the game and jurisdiction catalogues. An operator proposes a whole new
 * version with the time it takes effect (at least {@code fairdraw.backoffice.config.minimum-notice}
 * ahead) and a reason; a different operator approves it before that time, or anyone rejects it.
 * The functions apply an approved version from its effective time ({@link Catalogues}); a draw
 * keeps the game terms it opened under, so sold tickets are never re-priced or re-settled.
 * What the infrastructure is built from stays fixed: the games offered, their currencies and
 * schedules (EventBridge schedules are made from them) and a lotto's pick and range.
 * Every step is a write to the config-versions table, whose stream feeds the audit trail.
 */
@ApplicationScoped
public class ConfigChanges {
    private static final int MAX_DOCUMENT_CHARS = 300_000;

    private final ConfigVersions versions;
    private final Catalogues catalogues;
    private final TimeSource clock;
    private final Duration minimumNotice;

    public ConfigChanges(ConfigVersions versions, Catalogues catalogues, TimeSource clock,
            @ConfigProperty(name = "fairdraw.backoffice.config.minimum-notice", defaultValue = "15m") Duration minimumNotice) {
        this.versions = versions;
        this.catalogues = catalogues;
        this.clock = clock;
        this.minimumNotice = minimumNotice;
    }

    /** What is in force now and every version proposed, oldest first. */
    public record Overview(ConfigKind kind, int baselineVersion, int inForceVersion, List<ConfigVersion> versions) {
    }

    public Overview overview(ConfigKind kind) {
        return new Overview(kind, version(catalogues.baseline(kind)), version(catalogues.inForce(kind, clock.now())), versions.all(kind));
    }

    public ConfigVersion find(ConfigKind kind, int version) {
        return versions.find(kind, version)
                .orElseThrow(() -> new DomainException(ErrorType.NOT_FOUND, "no " + kind.id() + " version " + version));
    }

    public ConfigVersion propose(ConfigKind kind, JsonNode document, Instant effectiveFrom, String reason, AuditStamp stamp) {
        String text = document.toString();
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw ValidationException.of("document", "must be at most " + MAX_DOCUMENT_CHARS + " characters of JSON");
        }
        Object proposed;
        try {
            proposed = kind.parse(document);
        } catch (RuntimeException malformed) {
            throw ValidationException.of("document", "is not a valid " + kind.id() + " catalogue: " + describe(malformed));
        }
        int version = version(proposed);
        int floor = versions.all(kind).stream().mapToInt(ConfigVersion::version).max().orElse(0);
        int next = Math.max(floor, version(catalogues.baseline(kind))) + 1;
        if (version < next) {
            throw ValidationException.of("document.version", "must be " + next + " or more: versions are never reused");
        }
        Instant now = clock.now();
        if (effectiveFrom.isBefore(now.plus(minimumNotice))) {
            throw ValidationException.of("effectiveFrom", "must be at least " + minimumNotice.toMinutes() + " minutes from now");
        }
        if (proposed instanceof GameCatalogue games) {
            requireSameShape((GameCatalogue) catalogues.baseline(ConfigKind.GAMES), games);
        }
        ConfigVersion proposal = new ConfigVersion(kind, version, ConfigVersion.Status.PROPOSED, effectiveFrom, text, sha256(text),
                stamp.actor(), now, reason, Optional.empty(), Optional.empty(), Optional.empty());
        if (!versions.propose(proposal, stamp)) {
            throw new DomainException(ErrorType.CONCURRENT_UPDATE, kind.id() + " version " + version + " was proposed meanwhile");
        }
        return proposal;
    }

    public ConfigVersion approve(ConfigKind kind, int version, String reason, AuditStamp stamp) {
        ConfigVersion proposal = open(kind, version);
        if (proposal.proposedBy().equals(stamp.actor())) {
            throw new DomainException(ErrorType.FOUR_EYES_REQUIRED, "a change is approved by an operator other than its proposer");
        }
        Instant now = clock.now();
        if (!proposal.effectiveFrom().isAfter(now)) {
            throw new DomainException(ErrorType.EFFECTIVE_TIME_PASSED, "it was to take effect at " + proposal.effectiveFrom());
        }
        decide(proposal, ConfigVersion.Status.APPROVED, reason, now, stamp);
        return find(kind, version);
    }

    public ConfigVersion reject(ConfigKind kind, int version, String reason, AuditStamp stamp) {
        ConfigVersion proposal = open(kind, version);
        decide(proposal, ConfigVersion.Status.REJECTED, reason, clock.now(), stamp);
        return find(kind, version);
    }

    private void decide(ConfigVersion proposal, ConfigVersion.Status decision, String reason, Instant now, AuditStamp stamp) {
        if (!versions.decide(proposal.kind(), proposal.version(), decision, stamp.actor(), reason, now, stamp)) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "the change was decided meanwhile");
        }
    }

    private ConfigVersion open(ConfigKind kind, int version) {
        ConfigVersion found = find(kind, version);
        if (found.status() != ConfigVersion.Status.PROPOSED) {
            throw new DomainException(ErrorType.ALREADY_DECIDED, "the change is already " + found.status());
        }
        return found;
    }

    /** The games, currencies, schedules and lotto ranges are those of the deployed catalogue. */
    static void requireSameShape(GameCatalogue deployed, GameCatalogue proposed) {
        Map<String, String> before = shapes(deployed);
        Map<String, String> after = shapes(proposed);
        if (!before.equals(after)) {
            String changed = before.keySet().stream().filter(id -> !Objects.equals(before.get(id), after.get(id))).findFirst()
                    .or(() -> after.keySet().stream().filter(id -> !before.containsKey(id)).findFirst()).orElse("?");
            throw new DomainException(ErrorType.CONFIG_CHANGE_REFUSED, "game " + changed + ": the games offered, their currencies, "
                    + "schedules and lotto ranges change only with a deployment (they shape the draw schedules)");
        }
    }

    private static Map<String, String> shapes(GameCatalogue catalogue) {
        return catalogue.games().stream().collect(Collectors.toMap(Game::id, ConfigChanges::shape));
    }

    private static String shape(Game game) {
        String range = game instanceof LottoGame lotto ? " pick " + lotto.pick() + " of " + lotto.of() : " fixed odds";
        return game.currency() + " " + game.schedule() + range;
    }

    private static int version(Object catalogue) {
        return catalogue instanceof GameCatalogue games ? games.version()
                : ((io.fairdraw.model.compliance.JurisdictionCatalogue) catalogue).version();
    }

    private static String describe(RuntimeException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(Encoding.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
