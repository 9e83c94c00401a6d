package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route refuses every broken token with 401, and every role but player with 403. */
@QuarkusTest
class AuthenticationTest {
    private static final String BODY = PlayerRegistrationTest.registration("Mallory");

    enum Route {
        REGISTER("POST", "/v1/players"),
        READ_ME("GET", "/v1/players/me"),
        CHANGE_ME("PATCH", "/v1/players/me"),
        VERIFY("POST", "/v1/players/me/verification"),
        ELIGIBILITY("GET", "/v1/players/me/eligibility"),
        READ_LIMITS("GET", "/v1/players/me/limits"),
        CHANGE_LIMITS("PUT", "/v1/players/me/limits"),
        TIME_OUT("POST", "/v1/players/me/time-out"),
        EXCLUDE("POST", "/v1/players/me/exclusion"),
        CLOSE("POST", "/v1/players/me/closure"),
        HISTORY("GET", "/v1/players/me/history");

        final String method;
        final String path;

        Route(String method, String path) {
            this.method = method;
            this.path = path;
        }

        io.restassured.response.Response call(RequestSpecification request) {
            RequestSpecification withBody = "GET".equals(method) ? request : request.contentType(ContentType.JSON).body(BODY);
            return withBody.request(method, path);
        }
    }

    static Stream<Arguments> brokenTokens() {
        Stream<Object[]> tokens = Stream.of(
                new Object[] {"expired", (Supplier<String>) Tokens::expired},
                new Object[] {"wrong issuer", (Supplier<String>) Tokens::wrongIssuer},
                new Object[] {"wrong audience", (Supplier<String>) Tokens::wrongAudience},
                new Object[] {"tampered payload", (Supplier<String>) Tokens::tampered},
                new Object[] {"alg none", (Supplier<String>) Tokens::algNone},
                new Object[] {"signed by an unknown key", (Supplier<String>) Tokens::signedByStranger},
                new Object[] {"not a JWT", (Supplier<String>) () -> "not-a-jwt"});
        return tokens.flatMap(t -> Stream.of(Route.values()).map(r -> Arguments.of(r, t[0], t[1])));
    }

    @ParameterizedTest(name = "{0} with a token that is {1}: 401")
    @MethodSource("brokenTokens")
    void brokenTokensAreRefused(Route route, String what, Supplier<String> token) {
        int before = PlayerTable.count();
        route.call(given().auth().oauth2(token.get()))
                .then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("reasonCode", equalTo("UNAUTHENTICATED"));
        org.assertj.core.api.Assertions.assertThat(PlayerTable.count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} without a token: 401")
    @org.junit.jupiter.params.provider.EnumSource(Route.class)
    void aMissingTokenIsRefused(Route route) {
        route.call(given())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://fairdraw.io/problems/unauthenticated"));
    }

    static Stream<Arguments> backOfficeRoles() {
        return Stream.of(Route.values()).flatMap(r -> Stream.of(
                Arguments.of(r, "operator", (Supplier<String>) Tokens::operator),
                Arguments.of(r, "auditor", (Supplier<String>) Tokens::auditor)));
    }

    @ParameterizedTest(name = "{0} as {1}: 403")
    @MethodSource("backOfficeRoles")
    void backOfficeRolesMayNotActAsPlayers(Route route, String role, Supplier<String> token) {
        int before = PlayerTable.count();
        route.call(given().auth().oauth2(token.get()))
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("reasonCode", equalTo("FORBIDDEN"));
        org.assertj.core.api.Assertions.assertThat(PlayerTable.count()).isEqualTo(before);
    }
}
