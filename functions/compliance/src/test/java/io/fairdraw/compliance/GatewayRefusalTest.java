package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static io.fairdraw.compliance.Authorizer.throughTheEdge;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.compliance.Authorizer.Answer;
import io.fairdraw.testsupport.AuthorizerEvents;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the gateway refuses outright, with its generic 401/403 and no explanation: a missing or
 * bad token, a request that did not come through the edge, and a place where play is not offered.
 * Each case is otherwise a request that would pass, so the refusal has exactly the cause named.
 */
@QuarkusTest
class GatewayRefusalTest {

    static Stream<Arguments> brokenTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) Tokens::expired),
                Arguments.of("wrong issuer", (Supplier<String>) Tokens::wrongIssuer),
                Arguments.of("wrong audience", (Supplier<String>) Tokens::wrongAudience),
                Arguments.of("tampered payload", (Supplier<String>) Tokens::tampered),
                Arguments.of("alg none", (Supplier<String>) Tokens::algNone),
                Arguments.of("signed by a stranger's key", (Supplier<String>) Tokens::signedByStranger),
                Arguments.of("garbage", (Supplier<String>) () -> "not.a.jwt"),
                Arguments.of("far too long", (Supplier<String>) () -> Tokens.playerA() + "x".repeat(9_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void aBrokenTokenIsRefused(String kind, Supplier<String> token) {
        Answer answer = call(throughTheEdge(token.get(), "ID", "JK"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void theSameRequestWithAGoodTokenPasses() {
        assertThat(call(throughTheEdge(Tokens.playerA(), "ID", "JK")).authorized()).isTrue();
    }

    @Test
    void aRequestWithoutATokenIsRefused() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK").without("authorization"));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("NO_TOKEN");
    }

    @Test
    void credentialsOtherThanABearerTokenAreNoToken() {
        Answer basic = call(throughTheEdge(Tokens.playerA(), "ID", "JK").header("authorization", "Basic YWxpY2U6YWxpY2U="));
        Answer emptyBearer = call(throughTheEdge(Tokens.playerA(), "ID", "JK").header("authorization", "Bearer "));

        assertThat(basic.authorized()).isFalse();
        assertThat(basic.get("refusal")).isEqualTo("NO_TOKEN");
        assertThat(emptyBearer.get("refusal")).isEqualTo("NO_TOKEN");
    }

    @Test
    void theBearerSchemeIsReadInAnyCase() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK").header("authorization", "bEaReR " + Tokens.playerA()));
        assertThat(answer.authorized()).isTrue();
    }

    @Test
    void aRequestThatBypassedTheEdgeIsRefused() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK").without("x-fairdraw-origin-secret"));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("NO_ORIGIN_SECRET");
    }

    @Test
    void aForgedOriginSecretIsRefused() {
        String secret = Authorizer.originSecret();
        for (String forged : new String[] {"guess", secret.toUpperCase(Locale.ROOT), secret.substring(1), secret + "x"}) {
            Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK").originSecret(forged));
            assertThat(answer.authorized()).as(forged).isFalse();
            assertThat(answer.get("refusal")).as(forged).isEqualTo("FORGED_ORIGIN_SECRET");
        }
    }

    @Test
    void anUnlistedCountryIsBlocked() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "US", "NV"));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("LOCATION_BLOCKED");
        assertThat(answer.get("reasonCode")).isEqualTo("LOCATION_BLOCKED");
    }

    @Test
    void aBlockedSubdivisionOfAnAllowedCountryIsBlocked() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.store(PlayerFixtures.verified(subject, "1990-05-17"));

        Answer aceh = call(throughTheEdge(Tokens.player(subject), "ID", "AC"));
        Answer jakarta = call(throughTheEdge(Tokens.player(subject), "ID", "JK"));

        assertThat(aceh.authorized()).isFalse();
        assertThat(aceh.get("reasonCode")).isEqualTo("LOCATION_BLOCKED");
        assertThat(jakarta.authorized()).isTrue();
    }

    @Test
    void aRequestWithoutAViewerCountryIsRefusedAsUnknown() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK")
                .without("cloudfront-viewer-country").without("cloudfront-viewer-country-region"));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("LOCATION_UNKNOWN");
        assertThat(answer.get("reasonCode")).isEqualTo("LOCATION_UNKNOWN");
    }

    @Test
    void aCountryCodeThatIsNotAssignedIsUnknown() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ZZ", null));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("reasonCode")).isEqualTo("LOCATION_UNKNOWN");
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        String json = throughTheEdge(Tokens.playerA(), "ID", "AC").json()
                .replace("\"authorization\"", "\"Authorization\"")
                .replace("\"cloudfront-viewer-country\"", "\"CloudFront-Viewer-Country\"")
                .replace("\"cloudfront-viewer-country-region\"", "\"CloudFront-Viewer-Country-Region\"")
                .replace("\"x-fairdraw-origin-secret\"", "\"X-Fairdraw-Origin-Secret\"");

        Answer answer = call(json);

        // Refused for the place, which proves the token, the secret and both location headers were all read.
        assertThat(answer.get("refusal")).isEqualTo("LOCATION_BLOCKED");
    }

    @Test
    void theOriginIsCheckedBeforeTheToken() {
        Answer answer = call(AuthorizerEvents.request("GET", "/v1/players/me").bearer(Tokens.expired()).viewer("US", null));
        assertThat(answer.get("refusal")).isEqualTo("NO_ORIGIN_SECRET");
    }
}
