package io.fairdraw.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route of a function, from the topology, against every kind of caller: no token and eight
 * kinds of bad token must be 401 (among them an ID token and one without the API's scope); a good
 * token of a role the route does not name must be refused, 403 {@code forbidden} (or 401 where the
 * function trusts no token of that pool); a role it names must get past authorization (any answer but 401 and 403
 * {@code forbidden}: a domain refusal such as NOT_VERIFIED is the route working). A players'-pool
 * token naming the operator group is a player and nothing more. Public routes
 * must not demand a token; webhook routes must refuse an unsigned notification. And every route,
 * whatever its rule, refuses a request that did not come through the edge (no origin secret) with
 * 403 {@code edge-required}, even from a caller whose role it admits.
 */
public final class AuthorizationMatrix {
    private static final String FORBIDDEN = "https://fairdraw.io/problems/forbidden";
    private static final String WEBHOOK_UNSIGNED = "https://fairdraw.io/problems/webhook-signature-invalid";
    private static final String EDGE_REQUIRED = "https://fairdraw.io/problems/edge-required";
    private static final Map<String, String> PATH_VALUES = Map.of(
            "drawId", "4d-jakarta-20300101T2000",
            "ticketId", "4d-jakarta-20300101T2000.00000000000000000000000000000000",
            "name", "favourite",
            "provider", "sandbox",
            "playerId", "pl_00000000000000000000000000000000",
            "id", "cor-00000000-0000-0000-0000-000000000000",
            "kind", "games",
            "version", "999999");

    private AuthorizationMatrix() {
    }

    /** What went wrong, one line per route and caller; empty when the function keeps every rule. */
    public static List<String> violations(String function) {
        Topology topology = Topology.load();
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("expired", Tokens.expired());
        badTokens.put("wrong issuer", Tokens.wrongIssuer());
        badTokens.put("wrong audience", Tokens.wrongAudience());
        badTokens.put("id token", Tokens.idToken());
        badTokens.put("without the API scope", Tokens.withoutApiScope());
        badTokens.put("alg none", Tokens.algNone());
        badTokens.put("tampered", Tokens.tampered());
        badTokens.put("signed by a stranger", Tokens.signedByStranger());
        // Each caller with the role its pool gives it: a players'-pool token naming the operator
        // group is a player, nothing more.
        Map<String, String> roleTokens = Map.of("player", Tokens.player("matrix-" + function), "operator", Tokens.operator(),
                "auditor", Tokens.auditor());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("player", "player");
        callers.put("operator", "operator");
        callers.put("auditor", "auditor");
        callers.put("player-pool operator", "player");
        Map<String, String> callerTokens = new LinkedHashMap<>(roleTokens);
        callerTokens.put("player-pool operator", Tokens.playerPoolOperator());
        List<String> violations = new ArrayList<>();
        for (String route : topology.routesOf(function)) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            Set<String> roles = topology.rolesOf(method, path);
            RequestSpecification aroundTheEdge = given().header(ThroughTheEdge.HEADER, "");
            if (!roles.isEmpty()) {
                aroundTheEdge = aroundTheEdge.auth().oauth2(roleTokens.get(roles.iterator().next()));
            }
            Response bypass = call(aroundTheEdge, method, path);
            if (bypass.statusCode() != 403 || !EDGE_REQUIRED.equals(bypass.jsonPath().getString("type"))) {
                violations.add(route + " answered a request that bypassed the edge: " + bypass.statusCode());
            }
            if (topology.authOf(method, path).equals("signature")) {
                Response unsigned = call(given(), method, path);
                if (unsigned.statusCode() != 401 || !WEBHOOK_UNSIGNED.equals(unsigned.jsonPath().getString("type"))) {
                    violations.add(route + " took an unsigned notification: " + unsigned.statusCode());
                }
                continue;
            }
            if (roles.isEmpty()) {
                Response open = call(given(), method, path);
                if (open.statusCode() == 401 || open.statusCode() == 403) {
                    violations.add(route + " is open but answered " + open.statusCode() + " without a token");
                }
                continue;
            }
            expect(violations, route, "no token", call(given(), method, path), 401);
            badTokens.forEach((kind, token) -> expect(violations, route, kind, call(given().auth().oauth2(token), method, path), 401));
            callerTokens.forEach((caller, token) -> {
                String role = callers.get(caller);
                Response response = call(given().auth().oauth2(token), method, path);
                // 403 when the function trusts the caller's pool but the route not its role; 401 when
                // the function does not trust that pool at all (the back office and the players' pool).
                boolean refusedForRole = response.statusCode() == 403 && FORBIDDEN.equals(response.jsonPath().getString("type"))
                        || response.statusCode() == 401 && response.contentType().startsWith("application/problem+json");
                if (roles.contains(role) && refusedForRole) {
                    violations.add(route + " refused its own role " + role + " (" + caller + "): " + response.statusCode());
                }
                if (!roles.contains(role) && !refusedForRole) {
                    violations.add(route + " let " + caller + " past: " + response.statusCode() + " " + response.asString());
                }
            });
        }
        return violations;
    }

    private static void expect(List<String> violations, String route, String caller, Response response, int status) {
        if (response.statusCode() != status || !response.contentType().startsWith("application/problem+json")) {
            violations.add(route + " with " + caller + ": " + response.statusCode() + " " + response.contentType());
        }
    }

    private static Response call(RequestSpecification request, String method, String path) {
        String concrete = path;
        for (var value : PATH_VALUES.entrySet()) {
            concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request = request.header("Idempotency-Key", "matrix-key-0001").contentType("application/json").body("{}");
        }
        return request.request(method, concrete);
    }
}
