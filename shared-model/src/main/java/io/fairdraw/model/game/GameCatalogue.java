package io.fairdraw.model.game;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every game on offer, as one versioned document. Game ids are unique across both kinds. */
public record GameCatalogue(int version, List<FixedOddsGame> fixedOdds, List<LottoGame> lotto) {
    public GameCatalogue {
        fixedOdds = List.copyOf(fixedOdds);
        lotto = List.copyOf(lotto);
        Set<String> ids = new HashSet<>();
        fixedOdds.forEach(g -> requireUnique(ids, g.id()));
        lotto.forEach(g -> requireUnique(ids, g.id()));
        if (version < 1) {
            throw new IllegalArgumentException("a catalogue version is 1 or more");
        }
    }

    public Optional<FixedOddsGame> fixedOdds(String id) {
        return fixedOdds.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The game with this id, of either kind. */
    public Optional<Game> game(String id) {
        return fixedOdds(id).<Game>map(g -> g).or(() -> lotto(id));
    }

    /** Every game, fixed-odds first, each list in catalogue order. */
    public List<Game> games() {
        List<Game> all = new java.util.ArrayList<>(fixedOdds);
        all.addAll(lotto);
        return all;
    }

    public Optional<LottoGame> lotto(String id) {
        return lotto.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    private static void requireUnique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("game " + id + " is listed twice");
        }
    }
}
