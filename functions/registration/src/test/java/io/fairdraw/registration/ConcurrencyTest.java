package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.ProfileChange;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Registration and profile changes that race each other lose nothing and duplicate nothing. */
@QuarkusTest
class ConcurrencyTest {
    private static final int RACERS = 8;

    @Inject
    RegistrationService service;

    @Test
    void racingRegistrationsOfOneIdentityCreateExactlyOnePlayer() throws Exception {
        String subject = "race-" + UUID.randomUUID();
        String token = Tokens.player(subject);
        List<Integer> statuses = race(i -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(PlayerRegistrationTest.registration("Racer " + i))
                .post("/v1/players").then().extract().statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(RACERS - 1);
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow().get("version").n()).isEqualTo("1");
    }

    @Test
    void racingProfileChangesAreAllAppliedOrRefusedNeverLost() throws Exception {
        String subject = "race-" + UUID.randomUUID();
        String token = Tokens.player(subject);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PlayerRegistrationTest.registration("Start"))
                .post("/v1/players").then().statusCode(201);

        List<Integer> statuses = race(i -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Change " + i + "\"}")
                .patch("/v1/players/me").then().extract().statusCode());

        long applied = statuses.stream().filter(s -> s == 200).count();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        assertThat(applied).isPositive();
        // Each applied change added exactly one version: none overwrote another unseen.
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow().get("version").n())
                .isEqualTo(Long.toString(1 + applied));
    }

    @Test
    void changesRacingInsideTheServiceAreSerialisedByTheVersionCondition() throws Exception {
        // The HTTP test server hands the function one event at a time, as one Lambda instance
        // does; many instances race at DynamoDB, which this reproduces by calling the service
        // from many threads at once.
        PlayerId id = Tokens.playerIdOf("race-" + UUID.randomUUID());
        AuditStamp stamp = new AuditStamp("player:" + id.value(), new RequestId("race-test"));
        service.register(id, new Registration(DateOfBirth.parse("1990-05-17", LocalDate.of(2026, 1, 1)),
                new Residence(new CountryCode("ID"), Optional.empty()), DisplayName.of("Start"), ContactPreferences.NONE), stamp);

        List<Integer> outcomes = race(i -> {
            try {
                service.change(id, new ProfileChange(Optional.of(DisplayName.of("Thread " + i)), Optional.empty()), stamp);
                return 200;
            } catch (DomainException e) {
                assertThat(e.type()).isEqualTo(ErrorType.CONCURRENT_UPDATE);
                return 409;
            }
        });

        long applied = outcomes.stream().filter(s -> s == 200).count();
        assertThat(applied).isPositive();
        assertThat(PlayerTable.item(id).orElseThrow().get("version").n()).isEqualTo(Long.toString(1 + applied));
    }

    private interface Attempt {
        int run(int index);
    }

    private static List<Integer> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Integer>) () -> attempt.run(index)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
