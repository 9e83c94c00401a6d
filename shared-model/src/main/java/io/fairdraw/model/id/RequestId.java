package io.fairdraw.model.id;

import io.fairdraw.model.error.ValidationException;
import java.util.regex.Pattern;

/**
 * The id of the request that caused a change (API Gateway's request id, a Lambda request id, a
 * scheduler invocation). Every item written carries one, so the audit trail can join a change to
 * the request and its logs.
 */
public record RequestId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:=/+-]{1,128}");

    public RequestId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ValidationException.of("requestId", "must be 1 to 128 characters of [A-Za-z0-9._:=/+-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
