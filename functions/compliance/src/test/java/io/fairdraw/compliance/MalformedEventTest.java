package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static io.fairdraw.compliance.Authorizer.throughTheEdge;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.compliance.Authorizer.Answer;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives, the authorizer answers with a refusal rather than an exception: an event that
 * is not an HTTP API payload 2.0 authorizer event, and a failure while deciding, both deny.
 */
@QuarkusTest
class MalformedEventTest {

    @Test
    void anEmptyObjectIsRefusedAsMalformed() {
        assertMalformed(call("{}"));
    }

    @Test
    void jsonNullIsRefusedAsMalformed() {
        assertMalformed(call("null"));
    }

    @Test
    void anEventWithoutHeadersIsRefusedAsMalformed() {
        assertMalformed(call(throughTheEdge(Tokens.playerA(), "ID", "JK").json()
                .replaceFirst("\"headers\":\\{[^}]*\\}", "\"headers\":null")));
    }

    @Test
    void anEventWithoutRequestContextIsRefusedAsMalformed() {
        String json = throughTheEdge(Tokens.playerA(), "ID", "JK").json();
        String withoutContext = json.substring(0, json.indexOf(",\"requestContext\"")) + "}";
        assertMalformed(call(withoutContext));
    }

    @Test
    void aPayloadFormatOneEventIsRefusedAsMalformed() {
        assertMalformed(call(throughTheEdge(Tokens.playerA(), "ID", "JK").json().replace("\"version\":\"2.0\"", "\"version\":\"1.0\"")));
    }

    @Test
    void fieldsANewerGatewayMightAddAreIgnored() {
        String json = throughTheEdge(Tokens.playerA(), "ID", "JK").json()
                .replaceFirst("^\\{", "{\"someFutureField\":{\"nested\":[1,2,3]},");

        assertThat(call(json).authorized()).isTrue();
    }

    @Test
    void jsonThatIsNotAnEventFailsTheInvocationAndAuthorizesNothing() {
        Answer answer = call("{\"headers\":\"not a map\"}");

        // The runtime cannot even build the event: the invocation fails, which the gateway answers with 500.
        assertThat(answer.status()).isNotEqualTo(200);
        assertThat(answer.authorized()).isFalse();
    }

    @Test
    void aPlayerItemThatCannotBeReadFailsClosed() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.storeWithUnknownStatus(PlayerFixtures.verified(subject, "1990-05-17"));

        Answer answer = call(throughTheEdge(Tokens.player(subject), "ID", "JK"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("FAILED_CLOSED");
    }

    @Test
    void theAnswerCarriesTheMemberNamesApiGatewayExpects() {
        Answer answer = call(throughTheEdge(Tokens.playerA(), "ID", "JK"));

        assertThat(answer.body()).contains("\"isAuthorized\":true").contains("\"context\":{");
    }

    private static void assertMalformed(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.authorized()).isFalse();
        assertThat(answer.get("refusal")).isEqualTo("MALFORMED_EVENT");
    }
}
