package io.fairdraw.model.compliance;

/** What an identity-check provider concluded. */
public enum KycOutcome {
    APPROVE,
    REJECT,
    REFER
}
