package io.fairdraw.platform.dynamo;

import io.fairdraw.model.id.RequestId;
import java.util.Objects;

/**
 * Who changed an item and in which request. Every item written carries both, so the audit trail
 * fed by the table streams can name the actor and join the change to the request's logs.
 */
public record AuditStamp(String actor, RequestId requestId) {
    public static final String ACTOR_ATTRIBUTE = "actor";
    public static final String REQUEST_ID_ATTRIBUTE = "requestId";

    public AuditStamp {
        Objects.requireNonNull(requestId, "requestId");
        if (actor == null || actor.isBlank() || actor.length() > 200) {
            throw new IllegalArgumentException("an actor is a non-blank name of at most 200 characters");
        }
    }
}
