package io.fairdraw.model.player;

/**
 * What a player agreed to be contacted about. Marketing is opt-in: a new player has agreed to
 * nothing until they say so.
 */
public record ContactPreferences(boolean marketingEmail, boolean marketingSms) {
    public static final ContactPreferences NONE = new ContactPreferences(false, false);
}
