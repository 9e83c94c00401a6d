package io.fairdraw.registration.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.player.ProfileChange;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.StrictJson;
import io.fairdraw.testsupport.UntrustedText;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fuzz targets for the registration function's request bodies, read by the same strict mapper
 * configuration and translated by the same code as the routes. Any body is malformed JSON (400),
 * a domain refusal with a client status, or a domain value; nothing else may escape (it would be
 * a 500). A body that names a field twice is never read, and an accepted name or document number
 * never holds an invisible or direction-changing character (both judged by
 * {@link UntrustedText}, not by the code under test). A normal test run replays the corpus under
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
            readOrRefuse(body, ProfilePatch.class, ProfilePatch::toChange)
                    .flatMap(ProfileChange::displayName).ifPresent(name -> assertVisible(name.value()));
        } else {
            readOrRefuse(body, RegistrationRequest.class, request -> request.toRegistration(TODAY))
                    .ifPresent(registration -> assertVisible(registration.displayName().value()));
        }
    }

    @FuzzTest(maxDuration = "110s")
    void anySafetyOrVerificationBodyIsReadOrRefused(FuzzedDataProvider data) {
        Jurisdiction jurisdiction = data.pickValue(JURISDICTIONS);
        boolean verification = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        if (verification) {
            readOrRefuse(body, SafetyBodies.Verification.class, submission -> submission.toSubmission(TODAY)).ifPresent(submission -> {
                assertVisible(submission.fullName());
                assertVisible(submission.documentNumber());
            });
        } else {
            readOrRefuse(body, SafetyBodies.SafetyBody.class, safety -> safety.toRequest(jurisdiction));
        }
    }

    /** The translated value when the body is accepted; empty when it is refused as it must be. */
    private static <B, T> Optional<T> readOrRefuse(String json, Class<B> type, Function<B, T> translate) {
        B body;
        try {
            body = JSON.readValue(json, type);
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
        assertThat(UntrustedText.hasDuplicateField(json)).as("a body naming a field twice was read").isFalse();
        try {
            T value = translate.apply(Bodies.required(body));
            assertThat(value).isNotNull();
            return Optional.of(value);
        } catch (DomainException refused) {
            assertThat(refused.type().httpStatus()).isBetween(400, 499);
            return Optional.empty();
        }
    }

    private static void assertVisible(String text) {
        assertThat(UntrustedText.hasInvisibleCharacter(text)).as("accepted text with an invisible character").isFalse();
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
