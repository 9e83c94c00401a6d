package io.fairdraw.platform.web;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over 1 MiB with 413 before anything parses them. The declared length is
 * checked first; the stream is also counted, because a declared length can be absent or wrong.
 */
public class BodyLimit {
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared != null && exceeds(declared)) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream()));
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

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw tooLarge();
            }
        }
    }
}
