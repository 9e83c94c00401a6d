package io.fairdraw.registration.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.StrictJson;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzz targets for the registration function's request bodies, read by the same strict mapper
 * configuration and translated by the same code as the routes. Any body is malformed JSON (400),
 * a domain refusal with a client status, or a domain value; nothing else may escape (it would be
 * a 500). A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/registration/entry/RequestBodyFuzzTestInputs.
 */
class RequestBodyFuzzTest {
    private static final ObjectMapper JSON = strict();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final List<Jurisdiction> JURISDICTIONS = List.copyOf(JurisdictionFiles.sample().jurisdictions().values());

    @FuzzTest(maxDuration = "110s")
    void anyRegistrationOrProfileBodyIsReadOrRefused(FuzzedDataProvider data) {
        boolean patch = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        if (patch) {
            readOrRefuse(body, ProfilePatch.class, ProfilePatch::toChange);
        } else {
            readOrRefuse(body, RegistrationRequest.class, request -> request.toRegistration(TODAY));
        }
    }

    @FuzzTest(maxDuration = "110s")
    void anySafetyOrVerificationBodyIsReadOrRefused(FuzzedDataProvider data) {
        Jurisdiction jurisdiction = data.pickValue(JURISDICTIONS);
        boolean verification = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        if (verification) {
            readOrRefuse(body, SafetyBodies.Verification.class, SafetyBodies.Verification::toSubmission);
        } else {
            readOrRefuse(body, SafetyBodies.SafetyBody.class, safety -> safety.toRequest(jurisdiction));
        }
    }

    private static <B, T> void readOrRefuse(String json, Class<B> type, Function<B, T> translate) {
        B body;
        try {
            body = JSON.readValue(json, type);
        } catch (JsonProcessingException malformed) {
            return;
        }
        try {
            assertThat(translate.apply(Bodies.required(body))).isNotNull();
        } catch (DomainException refused) {
            assertThat(refused.type().httpStatus()).isBetween(400, 499);
        }
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
