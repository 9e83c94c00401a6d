package io.fairdraw.platform.web;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request bodies are UTF-8 (RFC 8259 requires it of JSON exchanged between systems). A body that
 * declares another charset is refused with 415 before it is read: decoded as UTF-8 it would not
 * be the text its sender meant, and decoded as declared it could smuggle characters past checks
 * written for the UTF-8 text every other layer sees.
 */
@Singleton
public class Utf8Bodies {
    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");

    /** {@code application/json} and the JSON-based types ({@code application/merge-patch+json}). */
    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    @ServerRequestFilter(preMatching = true)
    public void requireUtf8(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unreadable) {
            throw new DomainException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "the Content-Type header cannot be read");
        }
        if (type == null || !isJson(type)) {
            // Any other media type is refused by the route itself, as 415 UNSUPPORTED_MEDIA_TYPE.
            return;
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER)
                    && !UTF_8.contains(parameter.getValue().strip().toLowerCase(Locale.ROOT))) {
                throw new DomainException(ErrorType.UNSUPPORTED_CHARSET, "send the body as UTF-8 (charset=utf-8, or no charset)");
            }
        }
    }
}
