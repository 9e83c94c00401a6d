package io.fairdraw.model.game;

import java.util.regex.Pattern;

/** Game ids are lower-case slugs: they start every draw id of the game. */
final class GameIds {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){0,5}");

    private GameIds() {
    }

    static void require(String id) {
        if (id == null || id.length() > 40 || !FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("a game id is a lower-case slug of at most 40 characters");
        }
    }
}
