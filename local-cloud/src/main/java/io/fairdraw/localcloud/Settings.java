package io.fairdraw.localcloud;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How local-cloud runs, from its command line ({@code --name value}); every value has a default
 * that matches {@code local-cloud/start}.
 */
record Settings(Path root, Path data, int apiPort, int controlPort, String dynamoEndpoint, String issuer, String staffIssuer,
        String viewer, int drawEveryMinutes, Set<String> functions, Optional<Path> webapp) {

    static Settings parse(List<String> args) {
        Path root = Path.of("").toAbsolutePath();
        Path data = null;
        int apiPort = 8080;
        int controlPort = 8081;
        String dynamo = "http://localhost:8000";
        String issuer = "http://localhost:8180/realms/fairdraw";
        String staffIssuer = "http://localhost:8180/realms/fairdraw-staff";
        String viewer = "ID-JK";
        int every = 3;
        Set<String> functions = new LinkedHashSet<>();
        Optional<Path> webapp = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--root" -> root = Path.of(value).toAbsolutePath();
                case "--data" -> data = Path.of(value).toAbsolutePath();
                case "--api-port" -> apiPort = Integer.parseInt(value);
                case "--control-port" -> controlPort = Integer.parseInt(value);
                case "--dynamodb" -> dynamo = value;
                case "--issuer" -> issuer = value;
                case "--staff-issuer" -> staffIssuer = value;
                case "--viewer" -> viewer = value;
                case "--draw-every-minutes" -> every = Integer.parseInt(value);
                case "--functions" -> functions.addAll(List.of(value.split(",")));
                case "--webapp" -> webapp = Optional.of(Path.of(value).toAbsolutePath());
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (every < 2) {
            throw new IllegalArgumentException("--draw-every-minutes is at least 2 (a draw closes a minute before it)");
        }
        return new Settings(root, data == null ? root.resolve(".local") : data, apiPort, controlPort, dynamo, issuer, staffIssuer,
                viewer, every, functions, webapp);
    }

    String viewerCountry() {
        return viewer.split("-", 2)[0];
    }

    String viewerRegion() {
        String[] parts = viewer.split("-", 2);
        return parts.length > 1 ? parts[1] : "-";
    }
}
