package io.fairdraw.betting.store;

import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A player's favourites: named line sets they buy again and again. All of a player's favourites
 * live in one item, replaced under a version condition, so the cap on their number is exact and
 * two devices saving at once cannot lose each other's change silently (the second is told to retry).
 */
@ApplicationScoped
public class Favourites {
    public static final int MAX_FAVOURITES = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _-]{1,40}");
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String VERSION = "version";
    private static final String ENTRIES = "favourites";
    private static final String GAME = "gameId";
    private static final String LINES = "lines";
    private static final String SAVED_AT = "savedAtMillis";

    /** One favourite: a game and its lines, canonical as priced when saved. */
    public record Favourite(String name, String gameId, List<RequestedLine> lines, Instant savedAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public Favourites(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.favourites();
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw ValidationException.of("name", "is 1 to 40 letters, digits, spaces, '_' or '-'");
        }
        return name;
    }

    public List<Favourite> of(PlayerId player) {
        return List.copyOf(read(player).entries().values());
    }

    public void save(PlayerId player, Favourite favourite) {
        Stored stored = read(player);
        Map<String, Favourite> entries = new TreeMap<>(stored.entries());
        entries.put(favourite.name(), favourite);
        if (entries.size() > MAX_FAVOURITES) {
            throw ValidationException.of("name", "you have " + MAX_FAVOURITES + " favourites already; delete one first");
        }
        write(player, stored.version(), entries);
    }

    public boolean delete(PlayerId player, String name) {
        Stored stored = read(player);
        Map<String, Favourite> entries = new TreeMap<>(stored.entries());
        if (entries.remove(name) == null) {
            return false;
        }
        write(player, stored.version(), entries);
        return true;
    }

    private record Stored(long version, Map<String, Favourite> entries) {
    }

    private Stored read(PlayerId player) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(player))).item();
        if (item == null || item.isEmpty()) {
            return new Stored(0, Map.of());
        }
        Map<String, Favourite> entries = new TreeMap<>();
        item.get(ENTRIES).m().forEach((name, value) -> {
            Map<String, AttributeValue> f = value.m();
            List<RequestedLine> lines = f.get(LINES).l().stream().map(l -> new RequestedLine(l.m().get("betType").s(),
                    l.m().get("selection").s(), Long.parseLong(l.m().get("stakeMinor").n()))).toList();
            entries.put(name, new Favourite(name, f.get(GAME).s(), lines, Instant.ofEpochMilli(Long.parseLong(f.get(SAVED_AT).n()))));
        });
        return new Stored(Long.parseLong(item.get(VERSION).n()), entries);
    }

    private void write(PlayerId player, long version, Map<String, Favourite> entries) {
        Map<String, AttributeValue> map = new HashMap<>();
        entries.forEach((name, f) -> map.put(name, AttributeValue.fromM(Map.of(
                GAME, AttributeValue.fromS(f.gameId()),
                SAVED_AT, AttributeValue.fromN(Long.toString(f.savedAt().toEpochMilli())),
                LINES, AttributeValue.fromL(f.lines().stream().map(l -> AttributeValue.fromM(Map.of(
                        "betType", AttributeValue.fromS(l.betType()),
                        "selection", AttributeValue.fromS(l.selection()),
                        "stakeMinor", AttributeValue.fromN(Long.toString(l.stakeMinor()))))).toList())))));
        Map<String, AttributeValue> item = new HashMap<>(key(player));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version + 1)));
        item.put(ENTRIES, AttributeValue.fromM(map));
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (version == 0) {
                    b.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
                } else {
                    b.conditionExpression("#version = :version").expressionAttributeNames(Map.of("#version", VERSION))
                            .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version))));
                }
            });
        } catch (ConditionalCheckFailedException changed) {
            throw new DomainException(ErrorType.CONCURRENT_UPDATE, "your favourites changed meanwhile; retry");
        }
    }

    private static Map<String, AttributeValue> key(PlayerId player) {
        return Map.of(PK, AttributeValue.fromS(player.value()));
    }
}
