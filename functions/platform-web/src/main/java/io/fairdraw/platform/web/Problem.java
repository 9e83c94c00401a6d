package io.fairdraw.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is one URI per reason and {@code reasonCode}
 * repeats the reason as a stable code that clients can switch on; {@code errors} lists field
 * violations; {@code correlationId}, on an unexpected failure only, is the id under which the
 * details were logged. It never carries a stack trace, an exception class name or personal data.
 * Registered for reflection because it leaves only inside a {@code Response}, where a native
 * build cannot see its type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
public record Problem(
        String type, String title, int status, String detail, String instance, String reasonCode, List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a path into the request body and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorType type, String detail, String instance, List<Violation> violations) {
        List<FieldError> errors = violations.isEmpty()
                ? null
                : violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
        return new Problem(type.typeUri(), type.title(), type.httpStatus(), detail, instance, type.reasonCode(), errors, null);
    }

    /** The same problem, carrying the id its details were logged under. */
    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, reasonCode, errors, id);
    }
}
