package io.fairdraw.platform.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.model.compliance.SanctionsList;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.platform.json.JsonFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screens players against the sanctions list in force: the file named by
 * {@code fairdraw.compliance.sanctions-file}, or the shipped sample of invented names.
 *
 * <p>The legal name a player gives for the identity check is not stored. What is stored is its
 * fingerprint: an HMAC-SHA256, under {@code fairdraw.compliance.screening-key}, of the name as
 * screening normalises it. A later screen (before a withdrawal is paid) compares that fingerprint
 * with the fingerprints of the listed names, so the list can change after registration and a
 * newly listed player is still caught, without Fairdraw keeping a readable name.
 */
@ApplicationScoped
public class SanctionsScreening {
    public static final String SAMPLE = "fairdraw-sanctions.json";

    /** A possible match: the list's reference of the entry, and the list's version. */
    public record Match(String reference, int listVersion) {
        public String describe() {
            return "possible sanctions match: entry " + reference + " of list version " + listVersion;
        }
    }

    private final SanctionsList list;
    private final Optional<byte[]> key;
    private volatile Map<String, List<SanctionsList.Entry>> byFingerprint;

    @Inject
    public SanctionsScreening(@ConfigProperty(name = "fairdraw.compliance.sanctions-file") Optional<String> file,
            @ConfigProperty(name = "fairdraw.compliance.screening-key") Optional<String> key) {
        this(file.map(Path::of).map(SanctionsScreening::read).orElseGet(SanctionsScreening::sample), key.map(SanctionsScreening::decodeKey));
    }

    public SanctionsScreening(SanctionsList list, Optional<byte[]> key) {
        this.list = list;
        this.key = key;
    }

    public SanctionsList list() {
        return list;
    }

    /** Screens the name and birth date a player gives for the identity check. */
    public Optional<Match> screen(String fullName, LocalDate dateOfBirth) {
        return list.screen(fullName, dateOfBirth).map(this::match);
    }

    /** The stored form of a legal name: its keyed fingerprint. */
    public String fingerprint(String fullName) {
        return hmac(SanctionsList.normalise(fullName));
    }

    /** Screens a stored fingerprint and birth date against the list in force now. */
    public Optional<Match> screenFingerprint(String fingerprint, LocalDate dateOfBirth) {
        return fingerprints().getOrDefault(fingerprint, List.of()).stream()
                .filter(e -> e.dateOfBirth().map(dateOfBirth::equals).orElse(true))
                .findFirst()
                .map(this::match);
    }

    private Match match(SanctionsList.Entry entry) {
        return new Match(entry.reference(), list.version());
    }

    private Map<String, List<SanctionsList.Entry>> fingerprints() {
        Map<String, List<SanctionsList.Entry>> known = byFingerprint;
        if (known == null) {
            known = new HashMap<>();
            for (SanctionsList.Entry entry : list.entries()) {
                for (String name : entry.names()) {
                    known.computeIfAbsent(fingerprint(name), f -> new ArrayList<>()).add(entry);
                }
            }
            byFingerprint = known;
        }
        return known;
    }

    private String hmac(String normalised) {
        byte[] secret = key.orElseThrow(() -> new IllegalStateException(
                "fairdraw.compliance.screening-key is not set: screening cannot store or compare fingerprints"));
        return HexFormat.of().formatHex(Encoding.hmacSha256(secret, normalised.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fairdraw.compliance.screening-key is not Base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException("fairdraw.compliance.screening-key must be at least 32 bytes");
        }
        return key;
    }

    public static SanctionsList sample() {
        return JsonFiles.resource(SAMPLE, SanctionsScreening::parse);
    }

    public static SanctionsList read(Path file) {
        return JsonFiles.file(file, "sanctions list", SanctionsScreening::parse);
    }

    /** Parses a list; a malformed one stops the function at start rather than screening against nothing. */
    static SanctionsList parse(JsonNode document) {
        JsonNode version = document.get("version");
        JsonNode entries = document.get("entries");
        if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt() || entries == null || !entries.isArray()) {
            throw new IllegalStateException("a sanctions list needs a whole 'version' and an 'entries' array");
        }
        List<SanctionsList.Entry> parsed = new ArrayList<>();
        for (JsonNode node : entries) {
            JsonNode reference = node.get("reference");
            JsonNode names = node.get("names");
            if (reference == null || !reference.isTextual() || names == null || !names.isArray()) {
                throw new IllegalStateException("every sanctions entry needs a 'reference' and a 'names' array");
            }
            List<String> given = new ArrayList<>();
            names.forEach(n -> given.add(n.asText()));
            Optional<LocalDate> born;
            try {
                born = Optional.ofNullable(node.get("dateOfBirth")).filter(n -> !n.isNull()).map(n -> LocalDate.parse(n.asText()));
            } catch (DateTimeException e) {
                throw new IllegalStateException("sanctions entry " + reference.asText() + " has an unreadable dateOfBirth", e);
            }
            parsed.add(new SanctionsList.Entry(reference.asText(), given, born));
        }
        return new SanctionsList(version.intValue(), Optional.ofNullable(document.get("source")).map(JsonNode::asText).orElse(""), parsed);
    }
}
