package io.fairdraw.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.games.GameFiles;
import java.util.Arrays;
import java.util.Optional;

/** What can be changed under change control: one catalogue document per kind. */
public enum ConfigKind {
    /** The game catalogue: bet types, multipliers, discounts, stakes, liability limits, lotto prices and shares. */
    GAMES("games"),
    /** The jurisdiction catalogue: minimum ages, blocked subdivisions, limit caps and cool-offs. */
    JURISDICTIONS("jurisdictions");

    private final String id;

    ConfigKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ConfigKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** Parses a document of this kind as the functions will, returning the catalogue; throws when it is malformed. */
    public Object parse(JsonNode document) {
        return switch (this) {
            case GAMES -> GameFiles.parse(document);
            case JURISDICTIONS -> JurisdictionFiles.parse(document);
        };
    }
}
