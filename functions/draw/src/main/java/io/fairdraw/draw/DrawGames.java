package io.fairdraw.draw;

import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.platform.games.GameFiles;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The game catalogue in force: the operator's file ({@code fairdraw.games.catalogue-file}) or the shipped sample. */
public class DrawGames {
    @Produces
    @Singleton
    GameCatalogue catalogue(@ConfigProperty(name = "fairdraw.games.catalogue-file") Optional<String> file) {
        return file.map(Path::of).map(GameFiles::read).orElseGet(GameFiles::sample);
    }

    /** A game's schedule and currency, whichever kind it is. */
    record Game(String id, String currency, DrawSchedule schedule, Optional<int[]> lotto) {
    }

    static Optional<Game> find(GameCatalogue catalogue, String id) {
        return catalogue.fixedOdds(id).map(g -> new Game(g.id(), g.currency().code(), g.schedule(), Optional.<int[]>empty()))
                .or(() -> catalogue.lotto(id).map(g -> new Game(g.id(), g.currency().code(), g.schedule(),
                        Optional.of(new int[] {g.pick(), g.of()}))));
    }
}
