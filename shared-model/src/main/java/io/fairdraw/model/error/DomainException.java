package io.fairdraw.model.error;

import java.util.Objects;

/**
 * An expected failure with a stable reason. It exists so that every layer can refuse a request
 * the same way and the web layer can turn the refusal into exactly one problem type. It carries
 * no stack trace to the client; the {@code detail} is safe to show (no personal data).
 */
public class DomainException extends RuntimeException {
    private final ErrorType type;

    public DomainException(ErrorType type, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.type = Objects.requireNonNull(type, "type");
    }

    public DomainException(ErrorType type, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ErrorType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
