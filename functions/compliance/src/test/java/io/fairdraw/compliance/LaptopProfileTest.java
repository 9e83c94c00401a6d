package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.compliance.Authorizer.Answer;
import io.fairdraw.testsupport.AuthorizerEvents;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On a laptop there is no CloudFront: the origin secret is not required and a configured default
 * location stands in for the viewer-country header, saying so in the context. The configuration
 * here is what the dev profile and local-cloud use.
 */
@QuarkusTest
@TestProfile(LaptopProfileTest.Laptop.class)
class LaptopProfileTest {

    public static class Laptop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fairdraw.edge.origin-secret-required", "false",
                    "fairdraw.edge.default-location", "ID-JK");
        }
    }

    @Test
    void withoutViewerHeadersTheDefaultLocationIsUsedAndSaysSo() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.store(PlayerFixtures.verified(subject, "1990-05-17"));

        Answer answer = call(AuthorizerEvents.request("GET", "/v1/players/me").bearer(Tokens.player(subject)));

        assertThat(answer.authorized()).isTrue();
        assertThat(answer.get("country")).isEqualTo("ID");
        assertThat(answer.get("subdivision")).isEqualTo("ID-JK");
        assertThat(answer.get("locationSource")).isEqualTo("default");
        assertThat(answer.get("decision")).isEqualTo("ALLOW");
    }

    @Test
    void aViewerHeaderStillWinsOverTheDefault() {
        Answer blocked = call(AuthorizerEvents.request("GET", "/v1/players/me").bearer(Tokens.playerA()).viewer("ID", "AC"));
        Answer britain = call(AuthorizerEvents.request("GET", "/v1/players/me").bearer(Tokens.playerA()).viewer("GB", null));

        assertThat(blocked.get("refusal")).isEqualTo("LOCATION_BLOCKED");
        assertThat(britain.get("country")).isEqualTo("GB");
        assertThat(britain.get("locationSource")).isEqualTo("edge");
    }

    @Test
    void tokensAreCheckedAsStrictlyAsInTheCloud() {
        Answer answer = call(AuthorizerEvents.request("GET", "/v1/players/me").bearer(Tokens.expired()));

        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("INVALID_TOKEN");
    }
}
