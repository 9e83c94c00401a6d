package io.fairdraw.model.betting;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import io.fairdraw.model.game.BetTerms;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates and prices a ticket's lines against one game version. Every line must name a bet
 * type the game offers, a selection of that type (ASCII only), and a stake within the type's
 * bounds in whole stake units (the minimum stake is the unit); no (bet type, selection) may
 * repeat (raise the stake instead); a ticket holds at most {@link #MAX_LINES} lines so its one
 * transaction stays within DynamoDB's 100 actions. Every problem in the lines is reported at once.
 */
public final class TicketPricing {
    /** Lines per ticket: each adds a settlement line and a liability budget to the ticket's transaction. */
    public static final int MAX_LINES = 40;
    /** The bet type name of a lotto line. */
    public static final String LOTTO = "LOTTO";
    private static final Pattern LOTTO_SELECTION = Pattern.compile("[0-9]{1,2}(-[0-9]{1,2}){0,98}");

    private TicketPricing() {
    }

    public static List<PricedLine> price(Game game, List<RequestedLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw ValidationException.of("lines", "a ticket has at least one line");
        }
        requireFits(lines.size());
        List<Violation> violations = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        DomainException stakeRefusal = null;
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            RequestedLine line = lines.get(i);
            if (line == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            try {
                PricedLine p = switch (game) {
                    case FixedOddsGame fixed -> fixedOdds(fixed, line, field);
                    case LottoGame lotto -> lotto(lotto, line, field);
                };
                Integer earlier = seen.putIfAbsent(p.betType() + "#" + p.selection(), i);
                if (earlier != null) {
                    violations.add(new Violation(field, "repeats lines[" + earlier + "]; raise that line's stake instead"));
                }
                priced.add(p);
            } catch (ValidationException invalid) {
                violations.addAll(invalid.violations());
            } catch (DomainException refused) {
                stakeRefusal = stakeRefusal == null ? refused : stakeRefusal;
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (stakeRefusal != null) {
            throw stakeRefusal;
        }
        return List.copyOf(priced);
    }

    /** Refuses a ticket of more lines than fit, saying how many tickets the lines need. */
    public static void requireFits(int lineCount) {
        if (lineCount > MAX_LINES) {
            int tickets = (lineCount + MAX_LINES - 1) / MAX_LINES;
            throw new DomainException(ErrorType.TOO_MANY_LINES, lineCount + " lines need " + tickets + " tickets of at most "
                    + MAX_LINES + " lines each");
        }
    }

    private static PricedLine fixedOdds(FixedOddsGame game, RequestedLine line, String field) {
        BetType type = betType(line.betType(), field);
        BetTerms terms = game.termsOf(type).orElseThrow(() -> ValidationException.of(field + ".betType",
                "is not offered by " + game.id()));
        String selection;
        try {
            selection = type.normalise(line.selection());
        } catch (ValidationException invalid) {
            throw ValidationException.of(field + ".selection", "is not a " + type.name() + " selection" + hint(type));
        }
        requireStake(line.stakeMinor(), terms.minStakeMinor(), terms.maxStakeMinor(), field);
        Money stake = new Money(line.stakeMinor(), game.currency());
        // The most the line can pay in one draw is also what it reserves of its selection's budget:
        // colok bebas pays once per occurrence of its digit, so 7777 pays a 7 four times.
        long mostItCanWin = terms.maxPayout(stake, type.maxUnits()).amountMinor();
        return new PricedLine(type.name(), selection, line.stakeMinor(), terms.price(stake).amountMinor(),
                OptionalLong.of(mostItCanWin), mostItCanWin, terms.multiplierMilli(), terms.discountBasisPoints());
    }

    private static PricedLine lotto(LottoGame game, RequestedLine line, String field) {
        if (!LOTTO.equals(line.betType())) {
            throw ValidationException.of(field + ".betType", "is not offered by " + game.id() + " (its lines are " + LOTTO + ")");
        }
        String selection = lottoSelection(game, line.selection(), field + ".selection");
        requireStake(line.stakeMinor(), game.linePriceMinor(), game.linePriceMinor(), field);
        return new PricedLine(LOTTO, selection, line.stakeMinor(), line.stakeMinor(), OptionalLong.empty(), 0, 0, 0);
    }

    /** K distinct numbers of 1..N, written {@code 1-2-3-...} in any order; canonical form sorted and two digits each. */
    public static String lottoSelection(LottoGame game, String raw, String field) {
        String why = "is " + game.pick() + " different numbers from 1 to " + game.of() + ", separated by '-'";
        if (raw == null || !LOTTO_SELECTION.matcher(raw).matches()) {
            throw ValidationException.of(field, why);
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String part : raw.split("-")) {
            int n = Integer.parseInt(part);
            if (n < 1 || n > game.of() || !numbers.add(n)) {
                throw ValidationException.of(field, why);
            }
        }
        if (numbers.size() != game.pick()) {
            throw ValidationException.of(field, why);
        }
        return numbers.stream().map(n -> String.format("%02d", n)).reduce((a, b) -> a + "-" + b).orElseThrow();
    }

    static BetType betType(String name, String field) {
        if (name != null) {
            for (BetType type : BetType.values()) {
                if (type.name().equals(name)) {
                    return type;
                }
            }
        }
        throw ValidationException.of(field + ".betType", "is not a bet type of this game");
    }

    private static void requireStake(long stake, long min, long max, String field) {
        if (stake < min || stake > max || stake % min != 0) {
            throw new DomainException(ErrorType.STAKE_OUT_OF_RANGE, field + ".stake must be " + (min == max ? "exactly " + min
                    : "a multiple of " + min + " from " + min + " to " + max) + " minor units");
        }
    }

    private static String hint(BetType type) {
        return switch (type) {
            case FOUR_D -> " (4 digits)";
            case THREE_D, THREE_D_FRONT, COLOK_NAGA -> " (3 digits)";
            case TWO_D_BACK, TWO_D_FRONT, TWO_D_MIDDLE, COLOK_MACAU -> " (2 digits)";
            case COLOK_BEBAS -> " (1 digit)";
            case COLOK_JITU -> " (a position A-D and a digit, e.g. C7)";
            case SHIO -> " (a sign of the zodiac, e.g. DRAGON)";
            case FIFTY_FIFTY_BIG_SMALL, DASAR_BIG_SMALL -> " (BIG or SMALL)";
            case FIFTY_FIFTY_ODD_EVEN, DASAR_ODD_EVEN -> " (ODD or EVEN)";
            case FIFTY_FIFTY_MIDDLE_EDGE -> " (MIDDLE or EDGE)";
        };
    }
}
