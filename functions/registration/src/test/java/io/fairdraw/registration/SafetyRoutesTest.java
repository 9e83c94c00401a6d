package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Identity check, eligibility, limits, time-out, exclusion and closure through the Lambda adapter. */
@QuarkusTest
class SafetyRoutesTest {
    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Player(String subject, String token, String dateOfBirth) {
        RequestSpecification as() {
            return given().auth().oauth2(token).header("CloudFront-Viewer-Country", "ID").header("CloudFront-Viewer-Country-Region", "JK");
        }
    }

    static Player registered(String dateOfBirth) {
        String subject = "safety-" + UUID.randomUUID();
        Player player = new Player(subject, Tokens.player(subject), dateOfBirth);
        player.as().contentType(ContentType.JSON)
                .body("{\"dateOfBirth\":\"" + dateOfBirth + "\",\"country\":\"ID\",\"displayName\":\"Safe\"}")
                .post("/v1/players").then().statusCode(201);
        return player;
    }

    static Player verified(String dateOfBirth) {
        Player player = registered(dateOfBirth);
        verify(player, "A1234567").then().statusCode(200).body("status", equalTo("VERIFIED"));
        return player;
    }

    static io.restassured.response.Response verify(Player player, String documentNumber) {
        return verify(player, documentNumber, "Siti Aminah");
    }

    static io.restassured.response.Response verify(Player player, String documentNumber, String fullName) {
        return verify(player, documentNumber, fullName, player.dateOfBirth());
    }

    /** The identity check with the document showing {@code documentBirthDate}. */
    static io.restassured.response.Response verify(Player player, String documentNumber, String fullName, String documentBirthDate) {
        return player.as().contentType(ContentType.JSON)
                .body("{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + documentNumber + "\",\"fullName\":\"" + fullName
                        + "\",\"dateOfBirth\":\"" + documentBirthDate + "\"}")
                .post("/v1/players/me/verification");
    }

    static String eligibility(Player player) {
        JsonPath answer = player.as().get("/v1/players/me/eligibility").then().statusCode(200).extract().jsonPath();
        return answer.getBoolean("mayPlay") ? "ALLOW" : answer.getString("reasonCode");
    }

    @Test
    void theIdentityCheckApprovesRefersOrRejectsAndIsDecidedOnce() {
        Player approved = verified("1990-05-17");
        assertThat(eligibility(approved)).isEqualTo("ALLOW");
        verify(approved, "B7654321").then().statusCode(409).body("reasonCode", equalTo("KYC_ALREADY_DECIDED"));

        Player referred = registered("1990-05-17");
        verify(referred, "C555REFER").then().statusCode(200).body("status", equalTo("PENDING_VERIFICATION"))
                .body("identityCheck", equalTo("REFERRED"));
        assertThat(eligibility(referred)).isEqualTo("KYC_REFERRED");

        Player rejected = registered("1990-05-17");
        verify(rejected, "D666REJECT").then().statusCode(200).body("identityCheck", equalTo("REJECTED"));
        assertThat(eligibility(rejected)).isEqualTo("NOT_VERIFIED");
        assertThat(eligibility(registered("1990-05-17"))).isEqualTo("NOT_VERIFIED");
    }

    @Test
    void aNameAndBirthDateOnTheSanctionsListAreReferredForReviewWhateverTheProviderApproved() {
        // The sample list has "Budi Contoh Terdaftar", born 1975-08-17 (invented).
        Player listed = registered("1975-08-17");
        verify(listed, "E1234567", "TERDAFTAR, budi contoh").then().statusCode(200)
                .body("status", equalTo("PENDING_VERIFICATION")).body("identityCheck", equalTo("REFERRED"));
        assertThat(eligibility(listed)).isEqualTo("KYC_REFERRED");
        listed.as().get("/v1/players/me/history").then().statusCode(200)
                .body("[0].details.screening", equalTo("MATCH"))
                .body("[0].details.sanctionsEntry", equalTo("SAMPLE-0003"))
                .body("[0].details.providerOutcome", equalTo("APPROVE"))
                .body("[0].details.outcome", equalTo("REFER"));

        Player namesake = registered("1975-08-18");
        verify(namesake, "E1234568", "Budi Contoh Terdaftar").then().statusCode(200).body("identityCheck", equalTo("APPROVED"));
        namesake.as().get("/v1/players/me/history").then().statusCode(200).body("[0].details.screening", equalTo("CLEAR"));

        Player rejected = registered("1975-08-17");
        verify(rejected, "E999REJECT", "Budi Contoh Terdaftar").then().statusCode(200).body("identityCheck", equalTo("REJECTED"));

        var stored = LocalDynamo.shared().client().getItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .key(io.fairdraw.platform.players.PlayerItems.key(Tokens.playerIdOf(listed.subject())))).item();
        assertThat(stored.get("screeningFingerprint").s()).matches("[0-9a-f]{64}");
        assertThat(stored.toString()).doesNotContainIgnoringCase("terdaftar");
    }

    @Test
    void theDocumentNumberAndNameGoToTheProviderAndAreNeverStored() {
        Player player = registered("1990-05-17");
        verify(player, "SECRET-998877").then().statusCode(200);
        var scans = LocalDynamo.shared().client();
        for (Table table : Table.values()) {
            String everything = scans.scan(b -> b.tableName(table.defaultName())).items().toString();
            assertThat(everything).doesNotContain("SECRET-998877").doesNotContain("Siti Aminah");
        }
        player.as().get("/v1/players/me/history").then().statusCode(200)
                .body("[0].kind", equalTo("IDENTITY_CHECKED"))
                .body("[0].details.provider", equalTo("sandbox"))
                .body("[0].actor", equalTo("player:" + Tokens.playerIdOf(player.subject()).value()));
    }

    @Test
    void eligibilityNamesTheLocationAndAgeReasons() {
        Player adult = verified("1990-05-17");
        assertThat(given().auth().oauth2(adult.token()).get("/v1/players/me/eligibility").then().statusCode(200)
                .extract().jsonPath().getString("reasonCode")).isEqualTo("LOCATION_UNKNOWN");
        given().auth().oauth2(adult.token()).header("CloudFront-Viewer-Country", "ID").header("CloudFront-Viewer-Country-Region", "AC")
                .get("/v1/players/me/eligibility").then().statusCode(200)
                .body("mayPlay", equalTo(false)).body("reasonCode", equalTo("LOCATION_BLOCKED")).body("subdivision", equalTo("ID-AC"));
        given().auth().oauth2(adult.token()).header("CloudFront-Viewer-Country", "US")
                .get("/v1/players/me/eligibility").then().statusCode(200).body("reasonCode", equalTo("LOCATION_BLOCKED"));

        // Nineteen: of age at home in Indonesia (18), not in Malaysia (21), whose stricter rule applies there.
        Player nineteen = verified(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusYears(19).toString());
        assertThat(eligibility(nineteen)).isEqualTo("ALLOW");
        given().auth().oauth2(nineteen.token()).header("CloudFront-Viewer-Country", "MY").header("CloudFront-Viewer-Country-Region", "14")
                .get("/v1/players/me/eligibility").then().statusCode(200).body("reasonCode", equalTo("UNDERAGE"));
    }

    @Test
    void aTimeOutRunsToItsEndAndCannotBeShortened() {
        Player player = verified("1990-05-17");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"DAYS_7\"}").post("/v1/players/me/time-out")
                .then().statusCode(200).body("timedOutUntil", notNullValue());
        assertThat(eligibility(player)).isEqualTo("TIMED_OUT");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"HOURS_24\"}").post("/v1/players/me/time-out")
                .then().statusCode(409).body("reasonCode", equalTo("EXCLUSION_CANNOT_BE_SHORTENED"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(eligibility(player)).isEqualTo("ALLOW");
    }

    @Test
    void selfExclusionIsNeverShortenedAndClosureIsFinal() {
        Player player = verified("1990-05-17");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"YEAR_1\"}").post("/v1/players/me/exclusion")
                .then().statusCode(200).body("status", equalTo("SELF_EXCLUDED"));
        assertThat(eligibility(player)).isEqualTo("SELF_EXCLUDED");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"MONTHS_6\"}").post("/v1/players/me/exclusion")
                .then().statusCode(409).body("reasonCode", equalTo("EXCLUSION_CANNOT_BE_SHORTENED"));
        player.as().contentType(ContentType.JSON).body("{\"period\":\"PERMANENT\"}").post("/v1/players/me/exclusion")
                .then().statusCode(200).body("excludedUntil", nullValue());

        player.as().contentType(ContentType.JSON).body("{\"confirm\":false}").post("/v1/players/me/closure")
                .then().statusCode(400);
        player.as().contentType(ContentType.JSON).body("{\"confirm\":true}").post("/v1/players/me/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(eligibility(player)).isEqualTo("CLOSED");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"DAYS_30\"}").post("/v1/players/me/time-out")
                .then().statusCode(409).body("reasonCode", equalTo("ACCOUNT_CLOSED_FOR_CHANGES"));
        // Closed, but still readable.
        player.as().get("/v1/players/me").then().statusCode(200).body("status", equalTo("CLOSED"));
        player.as().get("/v1/players/me/history").then().statusCode(200)
                .body("kind", hasItem("ACCOUNT_CLOSED")).body("kind", hasItem("SELF_EXCLUDED"));
    }

    @Test
    void aLowerLimitAppliesAtOnceAndAHigherOneAfterTheCoolOff() {
        Player player = verified("1990-05-17");
        setDepositDay(player, "100000").then().statusCode(200);
        assertThat(depositDay(player).getLong("inForceMinor")).isEqualTo(100_000);

        setDepositDay(player, "250000").then().statusCode(200);
        JsonPath raised = depositDay(player);
        assertThat(raised.getLong("inForceMinor")).isEqualTo(100_000);
        assertThat(raised.getLong("pendingMinor")).isEqualTo(250_000);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(depositDay(player).getLong("inForceMinor")).isEqualTo(100_000);
        clock.advance(Duration.ofMinutes(1));
        assertThat(depositDay(player).getLong("inForceMinor")).isEqualTo(250_000);

        setDepositDay(player, "40000").then().statusCode(200);
        JsonPath lowered = depositDay(player);
        assertThat(lowered.getLong("inForceMinor")).isEqualTo(40_000);
        assertThat(lowered.getString("pendingMinor")).isNull();
    }

    @Test
    void theJurisdictionsCapAppliesWhenItIsLowest() {
        Player player = verified("1990-05-17");
        assertThat(depositDay(player).getLong("inForceMinor")).isEqualTo(5_000_000_000L);
        setDepositDay(player, "9000000000").then().statusCode(200);
        assertThat(depositDay(player).getLong("ownMinor")).isEqualTo(9_000_000_000L);
        assertThat(depositDay(player).getLong("inForceMinor")).isEqualTo(5_000_000_000L);
    }

    @Test
    void badSafetyRequestsAreRefusedAndChangeNothing() {
        Player player = verified("1990-05-17");
        setDepositDay(player, "100000").then().statusCode(200);
        String before = player.as().get("/v1/players/me/limits").then().extract().asString();

        setDepositDay(player, "-5").then().statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        setDepositDay(player, "0").then().statusCode(400);
        setDepositDay(player, "1.5").then().statusCode(400).body("reasonCode", equalTo("MALFORMED_REQUEST"));
        setDepositDay(player, "\"lots\"").then().statusCode(400).body("reasonCode", equalTo("MALFORMED_REQUEST"));
        player.as().contentType(ContentType.JSON).body("{\"limits\":[{\"kind\":\"WAGER\",\"window\":\"DAY\",\"amountMinor\":1}]}")
                .put("/v1/players/me/limits").then().statusCode(400).body("reasonCode", equalTo("MALFORMED_REQUEST"));
        player.as().contentType(ContentType.JSON).body("{\"limits\":[{\"kind\":\"DEPOSIT\",\"window\":\"DAY\",\"amountMinor\":1},"
                + "{\"kind\":\"DEPOSIT\",\"window\":\"DAY\",\"amountMinor\":2}]}")
                .put("/v1/players/me/limits").then().statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        player.as().contentType(ContentType.JSON).body("{\"realityCheckMinutes\":1}")
                .put("/v1/players/me/limits").then().statusCode(400).body("errors.field", hasItem("realityCheckMinutes"));
        player.as().contentType(ContentType.JSON).body("{\"period\":\"FOREVER\"}").post("/v1/players/me/exclusion")
                .then().statusCode(400);
        player.as().contentType(ContentType.JSON).body("{}").post("/v1/players/me/time-out")
                .then().statusCode(400).body("errors.field", hasItem("period"));

        assertThat(player.as().get("/v1/players/me/limits").then().extract().asString()).isEqualTo(before);
        assertThat(eligibility(player)).isEqualTo("ALLOW");
    }

    @Inject
    ComplianceGuard guard;

    @Inject
    Transactions transactions;

    @Test
    void eligibilityForAnIntendedDepositOrStakeCountsWhatTheWindowAlreadyHolds() {
        Player player = verified("1990-05-17");
        var id = Tokens.playerIdOf(player.subject());
        var indonesia = JurisdictionFiles.sample().of(new CountryCode("ID")).orElseThrow();
        player.as().contentType(ContentType.JSON).body("{\"limits\":[{\"kind\":\"DEPOSIT\",\"window\":\"WEEK\",\"amountMinor\":100000},"
                + "{\"kind\":\"NET_LOSS\",\"window\":\"MONTH\",\"amountMinor\":50000}]}").put("/v1/players/me/limits").then().statusCode(200);
        // What the wallet and betting will do in their own transactions: count a deposit and a stake.
        transactions.write(Transaction.of("deposit counters", guard.raise(id, LimitKind.DEPOSIT, SafetySettings.none(),
                        indonesia, clock.now(), Money.of(80_000, "IDR")).update())
                .add("net-loss counters", guard.raise(id, LimitKind.NET_LOSS, SafetySettings.none(),
                        indonesia, clock.now(), Money.of(45_000, "IDR")).update()));

        player.as().queryParam("deposit", 20_000).get("/v1/players/me/eligibility").then().statusCode(200).body("mayPlay", equalTo(true));
        player.as().queryParam("deposit", 20_001).get("/v1/players/me/eligibility").then().statusCode(200)
                .body("mayPlay", equalTo(false)).body("reasonCode", equalTo("DEPOSIT_LIMIT_REACHED"));
        player.as().queryParam("stake", 5_000).get("/v1/players/me/eligibility").then().statusCode(200).body("mayPlay", equalTo(true));
        player.as().queryParam("stake", 5_001).get("/v1/players/me/eligibility").then().statusCode(200)
                .body("reasonCode", equalTo("LOSS_LIMIT_REACHED"));
        player.as().queryParam("stake", -1).get("/v1/players/me/eligibility").then().statusCode(400);
        player.as().queryParam("stake", "ten").get("/v1/players/me/eligibility").then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
    }

    @Test
    void remindersAreStoredForClients() {
        Player player = verified("1990-05-17");
        player.as().contentType(ContentType.JSON).body("{\"realityCheckMinutes\":30,\"sessionTimeLimitMinutes\":120}")
                .put("/v1/players/me/limits").then().statusCode(200)
                .body("realityCheckMinutes", equalTo(30)).body("sessionTimeLimitMinutes", equalTo(120));
    }

    @Test
    void anotherPlayersSafetyIsOutOfReach() {
        Player a = verified("1990-05-17");
        setDepositDay(a, "100000").then().statusCode(200);
        Player b = registered("1991-01-01");
        b.as().get("/v1/players/me/limits").then().statusCode(200).body("limits.find { it.kind == 'DEPOSIT' && it.window == 'DAY' }.ownMinor", nullValue());
        b.as().get("/v1/players/me/history").then().statusCode(200).body("kind", org.hamcrest.Matchers.not(hasItem("SAFETY_SETTINGS_CHANGED")));
        given().auth().oauth2(Tokens.operator()).get("/v1/players/me/limits").then().statusCode(403);
    }

    private static io.restassured.response.Response setDepositDay(Player player, String amount) {
        return player.as().contentType(ContentType.JSON)
                .body("{\"limits\":[{\"kind\":\"DEPOSIT\",\"window\":\"DAY\",\"amountMinor\":" + amount + "}]}")
                .put("/v1/players/me/limits");
    }

    private static JsonPath depositDay(Player player) {
        JsonPath all = player.as().get("/v1/players/me/limits").then().statusCode(200).extract().jsonPath();
        return new JsonPath(io.restassured.path.json.JsonPath.from(all.prettify())
                .prettify()).setRootPath("limits.find { it.kind == 'DEPOSIT' && it.window == 'DAY' }");
    }
}
