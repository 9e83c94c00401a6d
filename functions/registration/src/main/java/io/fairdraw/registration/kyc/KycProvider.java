package io.fairdraw.registration.kyc;

import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.id.PlayerId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The identity-check provider port: one check per submission, answered with an outcome. */
public interface KycProvider {
    /**
     * The outcome, the provider's own reference for it (kept for audits), and the date of birth
     * the provider verified on the document, where it verified one.
     */
    record Result(KycOutcome outcome, String providerName, String reference, Optional<LocalDate> verifiedDateOfBirth) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(verifiedDateOfBirth, "verifiedDateOfBirth");
        }
    }

    Result check(PlayerId player, KycSubmission submission);
}
