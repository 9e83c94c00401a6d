package io.fairdraw.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code infra-terraform/topology.json}, validated against its JSON Schema on load. Tests compare
 * it with what the functions really serve, so the file Terraform and local-cloud build from
 * cannot drift from the code.
 */
public final class Topology {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private Topology(JsonNode document) {
        this.document = document;
    }

    /** Loads the topology and fails with every schema violation if it does not conform. */
    public static Topology load() {
        return of(read("infra-terraform/topology.json"));
    }

    /** Any document as a topology, refused with every schema violation if it does not conform. */
    static Topology of(JsonNode document) {
        Set<ValidationMessage> problems = schemaProblems(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("topology.json does not match topology.schema.json: " + problems);
        }
        // The schema cannot say that (method, path) is unique; a second declaration would be shadowed by the first.
        Set<String> declared = new TreeSet<>();
        for (JsonNode route : document.get("routes")) {
            String key = route.get("method").asText() + " " + route.get("path").asText();
            if (!declared.add(key)) {
                throw new IllegalStateException("topology.json declares " + key + " twice");
            }
        }
        return new Topology(document);
    }

    /** The schema's verdict on any document, for tests that prove the schema refuses bad topologies. */
    public static Set<ValidationMessage> schemaProblems(JsonNode document) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(read("infra-terraform/topology.schema.json"));
        return schema.validate(document);
    }

    public JsonNode document() {
        return document;
    }

    public Set<String> functionNames() {
        Set<String> names = new TreeSet<>();
        document.get("functions").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The routes declared for one function, as "METHOD /path". */
    public Set<String> routesOf(String function) {
        Set<String> routes = new TreeSet<>();
        for (JsonNode route : document.get("routes")) {
            if (function.equals(route.get("function").asText())) {
                routes.add(route.get("method").asText() + " " + route.get("path").asText());
            }
        }
        return routes;
    }

    /** How a route is authenticated: public, jwt, authorizer or signature. */
    public String authOf(String method, String path) {
        for (JsonNode route : document.get("routes")) {
            if (method.equals(route.get("method").asText()) && path.equals(route.get("path").asText())) {
                return route.get("auth").asText();
            }
        }
        throw new IllegalArgumentException("no route " + method + " " + path);
    }

    /** The roles a route admits, or an empty set for public and signature routes. */
    public Set<String> rolesOf(String method, String path) {
        for (JsonNode route : document.get("routes")) {
            if (method.equals(route.get("method").asText()) && path.equals(route.get("path").asText())) {
                Set<String> roles = new TreeSet<>();
                if (route.has("roles")) {
                    route.get("roles").forEach(role -> roles.add(role.asText()));
                }
                return roles;
            }
        }
        throw new IllegalArgumentException("no route " + method + " " + path + " in the topology");
    }

    /** The routes an OpenAPI document (JSON) says a function serves, as "METHOD /path", without /q/ routes. */
    public static Set<String> servedRoutes(String openApiJson) {
        Set<String> routes = new TreeSet<>();
        try {
            JsonNode paths = JSON.readTree(openApiJson).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    private static JsonNode read(String relative) {
        try {
            return JSON.readTree(RepositoryFiles.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }
}
