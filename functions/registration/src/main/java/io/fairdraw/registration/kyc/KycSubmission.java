package io.fairdraw.registration.kyc;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a player submits for the identity check. It goes to the provider and is not stored by
 * Fairdraw: only the provider's reference and outcome are kept. {@code dateOfBirth} is the date
 * as the document shows it; a real provider reads it from the document itself and reports what
 * it verified, which is compared with the date declared at registration.
 */
public record KycSubmission(DocumentType documentType, String documentNumber, String fullName, LocalDate dateOfBirth) {
    public enum DocumentType {
        PASSPORT,
        NATIONAL_ID,
        DRIVING_LICENCE
    }

    public KycSubmission {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    @Override
    public String toString() {
        // Never let a document number or a name reach a log line through toString.
        return "KycSubmission[" + documentType + "]";
    }
}
