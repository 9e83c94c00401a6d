package io.fairdraw.model.compliance;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;

/** Turns a compliance denial into the domain refusal (403 problem+json) with the same reason code. */
public final class Refusals {
    private Refusals() {
    }

    public static DomainException of(Decision.Deny deny) {
        ErrorType type = deny.reason() == ReasonCode.NOT_REGISTERED
                ? ErrorType.PLAYER_NOT_REGISTERED
                : ErrorType.valueOf(deny.reason().name());
        return new DomainException(type, deny.detail());
    }
}
