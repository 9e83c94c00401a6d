package io.fairdraw.platform.games;

import io.fairdraw.model.game.GameCatalogue;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The game catalogue in force: the operator's file ({@code fairdraw.games.catalogue-file}) or the shipped sample. */
public class Games {
    @Produces
    @Singleton
    GameCatalogue catalogue(@ConfigProperty(name = "fairdraw.games.catalogue-file") Optional<String> file) {
        return file.map(Path::of).map(GameFiles::read).orElseGet(GameFiles::sample);
    }
}
