package io.fairdraw.registration.kyc;

import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.id.PlayerId;

/** The identity-check provider port: one check per submission, answered with an outcome. */
public interface KycProvider {
    /** The outcome and the provider's own reference for it (kept for audits). */
    record Result(KycOutcome outcome, String providerName, String reference) {
    }

    Result check(PlayerId player, KycSubmission submission);
}
