package io.fairdraw.platform.web;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads every request body whole, before REST sees the request, and refuses one over 1 MiB with
 * 413 problem+json before anything parses it. A declared length over the limit is refused
 * without reading; the bytes are counted too, because a declared length can be absent or wrong.
 *
 * <p>The body is read on the event loop as it arrives (in Lambda it is already in memory) and
 * handed to REST as bytes. Left to itself, RESTEasy Reactive gives a blocking resource method a
 * stream that its worker thread fills chunk by chunk, waiting on the event loop for each chunk
 * and then for the end of the request: those two hand-overs were most of the purchase route's
 * own time.
 */
@Singleton
public class BodyLimit {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final String TOO_LARGE = "fairdraw.body-too-large";

    /** Installs the reading ahead of every route; Quarkus's own handlers that must come first have lower orders. */
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT).handler(BodyLimit::read);
    }

    static void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            context.put(TOO_LARGE, Boolean.TRUE);
            context.next();
            return;
        }
        if (request.isEnded()) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.get(TOO_LARGE) != null) {
                return;
            }
            if (body.length() + (long) chunk.length() > MAX_BODY_BYTES) {
                context.put(TOO_LARGE, Boolean.TRUE);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(context::fail);
        request.endHandler(end -> {
            if (context.get(TOO_LARGE) == null) {
                context.setBody(body);
            }
            context.next();
        });
        request.resume();
    }

    /** Refuses what {@link #read} found too large; hands REST the bytes it read. */
    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request, RoutingContext context) {
        if (context.get(TOO_LARGE) != null) {
            throw tooLarge();
        }
        Buffer body = context.body().buffer();
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }

    private static boolean exceeds(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    static DomainException tooLarge() {
        return new DomainException(ErrorType.PAYLOAD_TOO_LARGE, "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
    }
}
