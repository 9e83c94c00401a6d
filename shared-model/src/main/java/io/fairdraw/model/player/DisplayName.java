package io.fairdraw.model.player;

import io.fairdraw.model.validation.Checks;
import java.text.Normalizer;

/**
 * The name a player shows to others. Normalised to NFC and stripped, so visually equal names are
 * equal; bounded, with no control characters.
 */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 40;

    public DisplayName {
        Checks.text(value, "displayName", MAX_LENGTH);
        if (!value.equals(value.strip()) || !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new IllegalArgumentException("use DisplayName.of to normalise input");
        }
    }

    public static DisplayName of(String raw) {
        Checks.present(raw, "displayName");
        return new DisplayName(Normalizer.normalize(raw, Normalizer.Form.NFC).strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
