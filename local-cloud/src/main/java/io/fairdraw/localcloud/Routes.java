package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topology's routes, matched as an HTTP API matches them: method and path, a {@code {name}}
 * segment standing for one path segment, the route with the most literal segments winning.
 */
final class Routes {
    record Route(String method, String path, String function, String auth, Pattern pattern, List<String> parameters, int literals) {
        String key() {
            return method + " " + path;
        }
    }

    record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes(JsonNode topology) {
        for (JsonNode route : topology.get("routes")) {
            String path = route.get("path").asText();
            List<String> parameters = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : path.substring(1).split("/")) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    parameters.add(segment.substring(1, segment.length() - 1));
                    regex.append("([^/]+)");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            routes.add(new Route(route.get("method").asText(), path, route.get("function").asText(), route.get("auth").asText(),
                    Pattern.compile(regex.toString()), List.copyOf(parameters), literals));
        }
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    Optional<Match> match(String method, String rawPath) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(rawPath);
            if (matcher.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < route.parameters().size(); i++) {
                    values.put(route.parameters().get(i), java.net.URLDecoder.decode(matcher.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(route, values));
            }
        }
        return Optional.empty();
    }

    List<Route> all() {
        return List.copyOf(routes);
    }
}
