package io.fairdraw.registration.kyc;

import java.util.Objects;

/**
 * What a player submits for the identity check. It goes to the provider and is not stored by
 * Fairdraw: only the provider's reference and outcome are kept.
 */
public record KycSubmission(DocumentType documentType, String documentNumber, String fullName) {
    public enum DocumentType {
        PASSPORT,
        NATIONAL_ID,
        DRIVING_LICENCE
    }

    public KycSubmission {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(fullName, "fullName");
    }

    @Override
    public String toString() {
        // Never let a document number or a name reach a log line through toString.
        return "KycSubmission[" + documentType + "]";
    }
}
