package io.fairdraw.platform.games;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.game.BetTerms;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.game.ShioTable;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.platform.json.JsonFiles;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the game catalogue from JSON: the sample shipped on the classpath, or the operator's file.
 * Every value is checked by the model's constructors; a malformed catalogue stops the function at
 * start instead of selling tickets under half-read terms.
 */
public final class GameFiles {
    public static final String SAMPLE = "fairdraw-games.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GameFiles() {
    }

    public static GameCatalogue sample() {
        return JsonFiles.resource(SAMPLE, GameFiles::parse);
    }

    public static GameCatalogue read(Path file) {
        return JsonFiles.file(file, "game catalogue", GameFiles::parse);
    }

    public static GameCatalogue parse(JsonNode document) {
        List<FixedOddsGame> fixedOdds = new ArrayList<>();
        required(document, "fixedOdds").forEach(node -> fixedOdds.add(fixedOdds(node)));
        List<LottoGame> lotto = new ArrayList<>();
        required(document, "lotto").forEach(node -> lotto.add(lotto(node)));
        return new GameCatalogue(wholeInt(document, "version"), fixedOdds, lotto);
    }

    private static FixedOddsGame fixedOdds(JsonNode node) {
        Map<BetType, BetTerms> terms = new EnumMap<>(BetType.class);
        required(node, "betTypes").fields().forEachRemaining(entry -> {
            JsonNode t = entry.getValue();
            terms.put(BetType.valueOf(entry.getKey()), new BetTerms(whole(t, "multiplierMilli"), wholeInt(t, "discountBasisPoints"),
                    whole(t, "minStakeMinor"), whole(t, "maxStakeMinor"), whole(t, "liabilityLimitMinor")));
        });
        JsonNode shio = required(node, "shio");
        List<String> signs = new ArrayList<>();
        required(shio, "signsFromNumberOne").forEach(sign -> signs.add(sign.asText()));
        return new FixedOddsGame(text(node, "id"), wholeInt(node, "version"), text(node, "name"), CurrencyCode.of(text(node, "currency")),
                schedule(required(node, "schedule")), terms, new ShioTable(wholeInt(shio, "year"), signs));
    }

    private static LottoGame lotto(JsonNode node) {
        Map<Integer, Integer> tiers = new HashMap<>();
        JsonNode shares = required(node, "tierShareBasisPoints");
        shares.fieldNames().forEachRemaining(tier -> tiers.put(Integer.parseInt(tier), wholeInt(shares, tier)));
        return new LottoGame(text(node, "id"), wholeInt(node, "version"), text(node, "name"), CurrencyCode.of(text(node, "currency")),
                schedule(required(node, "schedule")), wholeInt(node, "pick"), wholeInt(node, "of"), whole(node, "linePriceMinor"), tiers);
    }

    private static DrawSchedule schedule(JsonNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        required(node, "days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
        try {
            return new DrawSchedule(ZoneId.of(text(node, "zone")), days, LocalTime.parse(text(node, "drawTime")),
                    Duration.ofMinutes(whole(node, "cutOffMinutes")), Duration.ofSeconds(whole(node, "sealWindowSeconds")),
                    node.has("everyMinutes") ? Duration.ofMinutes(whole(node, "everyMinutes")) : Duration.ZERO,
                    node.has("drawsOnSale") ? wholeInt(node, "drawsOnSale") : 1,
                    node.has("beaconWaitSeconds") ? Duration.ofSeconds(whole(node, "beaconWaitSeconds")) : DrawSchedule.DEFAULT_BEACON_WAIT);
        } catch (DateTimeException | ArithmeticException e) {
            // An unknown zone, a time that is no time of day, or minutes no duration can hold.
            throw new IllegalStateException("a schedule in the game catalogue is not valid: " + e.getMessage(), e);
        }
    }

    private static long whole(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalStateException("'" + field + "' in the game catalogue is not a whole number");
        }
        return value.longValue();
    }

    private static int wholeInt(JsonNode node, String field) {
        long value = whole(node, field);
        if (value != (int) value) {
            throw new IllegalStateException("'" + field + "' in the game catalogue is out of range: " + value);
        }
        return (int) value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("the game catalogue lacks '" + field + "'");
        }
        return value;
    }
}
