package io.fairdraw.model.wallet;

import java.util.Objects;

/** A card or account a player deposited from: the provider and its token for it, never the card number. */
public record Instrument(String provider, String reference) {
    public Instrument {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("an instrument reference is 1..200 characters");
        }
    }

    /** The id a client names it by: provider and reference, one string. */
    public String id() {
        return provider + ":" + reference;
    }
}
