package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may register, and what a name may hold: a minor or a resident of a blocked place is refused
 * at once; text that reads differently from what it is (direction overrides, invisible characters,
 * lone surrogates) is refused; a body that says two things, or says them in another charset, is
 * refused; the identity check holds a document whose birth date differs from the declared one.
 * Every refusal writes nothing.
 */
@QuarkusTest
class RegistrationRulesTest {
    private static final LocalDate TODAY_IN_JAKARTA = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    private static String body(String dateOfBirth, String country, String subdivision, String displayNameJson) {
        return "{\"dateOfBirth\":\"" + dateOfBirth + "\",\"country\":\"" + country + "\""
                + (subdivision == null ? "" : ",\"subdivision\":\"" + subdivision + "\"") + ",\"displayName\":" + displayNameJson + "}";
    }

    private static io.restassured.response.Response register(String subject, String body) {
        return given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON).body(body).post("/v1/players");
    }

    @Test
    void anElevenYearOldIsRefusedAtRegistrationAndNothingIsStored() {
        String subject = "minor-" + UUID.randomUUID();
        register(subject, body(TODAY_IN_JAKARTA.minusYears(11).toString(), "ID", "ID-JK", "\"Kid\""))
                .then().statusCode(422).contentType("application/problem+json")
                .body("reasonCode", equalTo("BELOW_MINIMUM_AGE"))
                .body("detail", containsString("18"));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void theMinimumAgeIsCountedOnTheHomeJurisdictionsCalendar() {
        register("eve-" + UUID.randomUUID(), body(TODAY_IN_JAKARTA.minusYears(18).plusDays(1).toString(), "ID", null, "\"Eve\""))
                .then().statusCode(422).body("reasonCode", equalTo("BELOW_MINIMUM_AGE"));
        register("day-" + UUID.randomUUID(), body(TODAY_IN_JAKARTA.minusYears(18).toString(), "ID", null, "\"Birthday\""))
                .then().statusCode(201);
        // Malaysia opens play at 21 in the sample catalogue.
        register("my-" + UUID.randomUUID(), body(LocalDate.now(ZoneId.of("Asia/Kuala_Lumpur")).minusYears(20).toString(), "MY", null,
                "\"Twenty\"")).then().statusCode(422).body("reasonCode", equalTo("BELOW_MINIMUM_AGE"));
    }

    @Test
    void aResidentOfABlockedSubdivisionOrAnUnservedCountryIsRefusedWithTheReason() {
        String aceh = "aceh-" + UUID.randomUUID();
        register(aceh, body("1990-05-17", "ID", "ID-AC", "\"Aceh\"")).then().statusCode(422)
                .body("reasonCode", equalTo("RESIDENCE_NOT_SERVED")).body("detail", containsString("ID-AC"));
        assertThat(PlayerTable.item(Tokens.playerIdOf(aceh))).isEmpty();
        String usa = "usa-" + UUID.randomUUID();
        register(usa, body("1990-05-17", "US", null, "\"Usa\"")).then().statusCode(422)
                .body("reasonCode", equalTo("RESIDENCE_NOT_SERVED")).body("detail", containsString("US"));
        assertThat(PlayerTable.item(Tokens.playerIdOf(usa))).isEmpty();
    }

    static Stream<Arguments> unsafeNames() {
        return Stream.of(
                Arguments.of("a right-to-left override", "\"Ali\\u202Eecila\""),
                Arguments.of("a left-to-right isolate", "\"\\u2066Ali\\u2069\""),
                Arguments.of("a zero-width space", "\"Al\\u200Bi\""),
                Arguments.of("a zero-width joiner", "\"Al\\u200Di\""),
                Arguments.of("a byte-order mark", "\"\\uFEFFAli\""),
                Arguments.of("a soft hyphen", "\"Al\\u00ADi\""),
                Arguments.of("a tag character", "\"Ali\\uDB40\\uDC41\""),
                Arguments.of("a lone high surrogate", "\"Ali\\uD800\""),
                Arguments.of("a lone low surrogate", "\"\\uDC00Ali\""),
                Arguments.of("a line separator", "\"Al\\u2028i\""),
                Arguments.of("a private-use character", "\"Ali\\uE000\""),
                Arguments.of("an unassigned code point", "\"Ali\\u0378\""));
    }

    @ParameterizedTest(name = "a display name with {0} is 422 UNSAFE_TEXT")
    @MethodSource("unsafeNames")
    void aDisplayNameThatReadsOtherThanItIsIsRefusedAndNothingIsStored(String what, String nameJson) {
        String subject = "unsafe-" + UUID.randomUUID();
        register(subject, body("1990-05-17", "ID", null, nameJson))
                .then().statusCode(422).contentType("application/problem+json")
                .body("reasonCode", equalTo("UNSAFE_TEXT"))
                .body("errors.field", hasItem("displayName"))
                .body(not(containsString("Exception")));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void aNameIsKeptInNormalisationFormCAndItsLengthCountsCodePoints() {
        // "e" + combining acute is stored as the single character "é"; forty emoji are forty characters.
        register("nfc-" + UUID.randomUUID(), body("1990-05-17", "ID", null, "\"Rene\\u0301\""))
                .then().statusCode(201).body("displayName", equalTo("René"));
        register("emoji-" + UUID.randomUUID(), body("1990-05-17", "ID", null, "\"" + "\uD83C\uDFB2".repeat(40) + "\""))
                .then().statusCode(201);
        register("emoji41-" + UUID.randomUUID(), body("1990-05-17", "ID", null, "\"" + "\uD83C\uDFB2".repeat(41) + "\""))
                .then().statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndNothingIsStored() {
        String subject = "twice-" + UUID.randomUUID();
        register(subject, "{\"dateOfBirth\":\"1990-05-17\",\"country\":\"ID\",\"displayName\":\"Ann\",\"displayName\":\"Bob\"}")
                .then().statusCode(400).contentType("application/problem+json").body("reasonCode", equalTo("DUPLICATE_FIELD"))
                .body("detail", containsString("displayName"));
        register(subject, "{\"dateOfBirth\":\"2015-01-01\",\"dateOfBirth\":\"1990-05-17\",\"country\":\"ID\",\"displayName\":\"Ann\"}")
                .then().statusCode(400).body("reasonCode", equalTo("DUPLICATE_FIELD"));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void aBodyDeclaredInAnotherCharsetIs415AndNothingIsStored() {
        String subject = "latin1-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.player(subject)).contentType("application/json; charset=ISO-8859-1")
                .body(body("1990-05-17", "ID", null, "\"Zoë\"").getBytes(StandardCharsets.ISO_8859_1)).post("/v1/players")
                .then().statusCode(415).contentType("application/problem+json").body("reasonCode", equalTo("UNSUPPORTED_CHARSET"));
        given().auth().oauth2(Tokens.player(subject)).contentType("application/json; charset=\"utf-16\"")
                .body(body("1990-05-17", "ID", null, "\"Zoë\"").getBytes(StandardCharsets.UTF_16)).post("/v1/players")
                .then().statusCode(415);
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void aDocumentWhoseBirthDateDiffersFromTheDeclaredOneIsReferredNeverApproved() {
        SafetyRoutesTest.Player declaredAdult = SafetyRoutesTest.registered("1990-05-17");
        SafetyRoutesTest.verify(declaredAdult, "P7654321", "Ani Wijaya", TODAY_IN_JAKARTA.minusYears(11).toString())
                .then().statusCode(200)
                .body("identityCheck", equalTo("REFERRED")).body("status", equalTo("PENDING_VERIFICATION"));
        assertThat(SafetyRoutesTest.eligibility(declaredAdult)).isEqualTo("KYC_REFERRED");
        declaredAdult.as().get("/v1/players/me/history").then().statusCode(200)
                .body("[0].details.birthDate", equalTo("DIFFERS"))
                .body("[0].details.providerOutcome", equalTo("APPROVE"))
                .body("[0].details.outcome", equalTo("REFER"));

        SafetyRoutesTest.Player matching = SafetyRoutesTest.registered("1990-05-17");
        SafetyRoutesTest.verify(matching, "P7654322", "Budi Wijaya", "1990-05-17").then().statusCode(200)
                .body("identityCheck", equalTo("APPROVED"));
    }

    @Test
    void anIdentityCheckWithInvisibleCharactersInTheNameIsRefused() {
        SafetyRoutesTest.Player player = SafetyRoutesTest.registered("1990-05-17");
        SafetyRoutesTest.verify(player, "P1112223", "Ani\\u202EWijaya", "1990-05-17").then().statusCode(422)
                .body("reasonCode", equalTo("UNSAFE_TEXT")).body("errors.field", hasItem("fullName"));
        assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("NOT_VERIFIED");
    }
}
