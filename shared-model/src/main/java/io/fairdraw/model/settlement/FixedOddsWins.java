package io.fairdraw.model.settlement;

import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.game.ShioTable;
import java.util.ArrayList;
import java.util.List;

/** What fixed-odds lines win against a 4D result, under the multiplier each was sold with. */
public final class FixedOddsWins {
    private FixedOddsWins() {
    }

    /** A winning (bet type, selection): settlement reads only the bet lines filed under these. */
    public record WinningKey(BetType betType, String selection) {
    }

    /** Every (bet type, selection) the result makes win, over every bet type the game offers. */
    public static List<WinningKey> winningKeys(FourDResult result, ShioTable shio, Iterable<BetType> offered) {
        List<WinningKey> keys = new ArrayList<>();
        for (BetType type : offered) {
            type.winningSelections(result, shio).stream().sorted().forEach(selection -> keys.add(new WinningKey(type, selection)));
        }
        return keys;
    }

    /** stake × multiplier (thousandths) × times won, rounded down; zero for a losing line. */
    public static long win(BetType type, String selection, long stakeMinor, long multiplierMilli, FourDResult result, ShioTable shio) {
        int units = type.wins(selection, result, shio);
        return Math.multiplyExact(Math.multiplyExact(stakeMinor, multiplierMilli), units) / 1_000;
    }
}
