package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.platform.games.GameFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;

/**
 * The game catalogue local-cloud runs: the shipped sample with every game drawing every few
 * minutes, all day (sales close a minute before each draw, the seal has 30 seconds), so a
 * newcomer sees a draw while waiting. Terms, prices and odds are the sample's, unchanged. All
 * functions read this one file, as they read the operator's file in AWS.
 */
final class LocalCatalogue {
    private LocalCatalogue() {
    }

    static GameCatalogue write(Path file, int everyMinutes) {
        try (InputStream in = GameFiles.class.getClassLoader().getResourceAsStream(GameFiles.SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(GameFiles.SAMPLE + " is missing from the classpath");
            }
            ObjectNode catalogue = (ObjectNode) Json.MAPPER.readTree(in);
            catalogue.put("description", "local-cloud: the sample catalogue, every game drawing every " + everyMinutes + " minutes");
            for (String kind : new String[] {"fixedOdds", "lotto"}) {
                for (JsonNode game : catalogue.path(kind)) {
                    ObjectNode schedule = (ObjectNode) game.get("schedule");
                    ArrayNode days = schedule.putArray("days");
                    for (DayOfWeek day : DayOfWeek.values()) {
                        days.add(day.name());
                    }
                    schedule.put("drawTime", "00:00");
                    schedule.put("everyMinutes", everyMinutes);
                    schedule.put("cutOffMinutes", 1);
                    schedule.put("sealWindowSeconds", 30);
                    // The last EXECUTE firing here is a minute after the draw: it finds an absent round's deadline passed.
                    schedule.put("beaconWaitSeconds", 45);
                }
            }
            Files.createDirectories(file.getParent());
            Files.write(file, Json.MAPPER.writeValueAsBytes(catalogue));
            return GameFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
