package io.fairdraw.model.compliance;

/**
 * Why a player may not play, deposit or bet. Stable: clients and regulators' reports switch on
 * these names, so entries are added and never renamed or reused.
 */
public enum ReasonCode {
    UNDERAGE,
    LOCATION_BLOCKED,
    LOCATION_UNKNOWN,
    NOT_REGISTERED,
    NOT_VERIFIED,
    KYC_REFERRED,
    SELF_EXCLUDED,
    TIMED_OUT,
    SUSPENDED,
    CLOSED,
    DEPOSIT_LIMIT_REACHED,
    LOSS_LIMIT_REACHED
}
