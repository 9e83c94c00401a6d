package io.fairdraw.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.platform.idempotency.IdempotentRequests.Answer;
import io.fairdraw.platform.idempotency.RequestFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of a route that takes an {@code Idempotency-Key}: the header's name, the
 * fingerprint of the body as read (RFC 8785 canonical JSON, so the same request spelled with
 * other spacing or field order is the same request), and the response of an answer, marked
 * {@code Idempotent-Replayed: true} when it is the first attempt's answer sent again.
 */
@ApplicationScoped
public class IdempotentRoutes {
    /** The request header that names the attempt. */
    public static final String KEY = "Idempotency-Key";
    /** The response header of a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final ObjectMapper json;

    public IdempotentRoutes(ObjectMapper json) {
        this.json = json;
    }

    /** The fingerprint of a request body: a reused key with another body is refused by it. */
    public String fingerprint(Object body) {
        return RequestFingerprint.of(json.valueToTree(body));
    }

    /** The answer as the HTTP response, first time or replayed. */
    public static Response respond(Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body());
        return answer.replayed() ? response.header(REPLAYED, "true").build() : response.build();
    }
}
