package io.fairdraw.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves a function as problem+json with a stable type: domain refusals as they
 * were raised, framework and security failures translated to the catalogue, anything unexpected
 * as a 500 whose details stay in the log under an error id. No stack trace reaches a client.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String BEARER_CHALLENGE = "Bearer";
    /** How Jackson's strict duplicate detection begins its message: {@code Duplicate field 'name'}. */
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        List<Violation> violations = e instanceof ValidationException v ? v.violations() : List.of();
        if (e.type().httpStatus() >= 500) {
            LOG.warnf("%s: %s", e.type().reasonCode(), e.detail());
        }
        return respond(Problem.of(e.type(), e.detail(), path(uri), violations));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return challenge(Problem.of(ErrorType.UNAUTHENTICATED, "the bearer token is missing, expired or not valid", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return challenge(Problem.of(ErrorType.UNAUTHENTICATED, "a bearer token is required", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ErrorType.FORBIDDEN, "the caller's role may not use this route", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        DomainException refusal = domainCause(e);
        if (refusal != null) {
            // A refusal raised while the body was read (it was too large) is wrapped by Jackson.
            return domain(refusal, uri);
        }
        if (e instanceof InvalidDefinitionException) {
            // Our types cannot be read or written as declared: a defect of ours, not of the request.
            return unexpected(e, uri);
        }
        Optional<String> duplicate = duplicateFieldMessage(e);
        if (duplicate.isPresent()) {
            return respond(Problem.of(ErrorType.DUPLICATE_FIELD, duplicateField(duplicate.get()), path(uri), List.of()));
        }
        return respond(Problem.of(ErrorType.MALFORMED_REQUEST, describe(e), path(uri), List.of()));
    }

    // quarkus-rest-jackson ships mappers for these subtypes; naming them here makes ours the most specific.

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return malformedJson((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(UnrecognizedPropertyException e, UriInfo uri) {
        return malformedJson((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(InvalidFormatException e, UriInfo uri) {
        return malformedJson((JsonProcessingException) e, uri);
    }

    /** quarkus-rest-jackson answers this one with a bare 500; ours says it is ours, as problem+json. */
    @ServerExceptionMapper
    public Response malformedJson(InvalidDefinitionException e, UriInfo uri) {
        return malformedJson((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ErrorType type = switch (status) {
            case 400 -> ErrorType.MALFORMED_REQUEST;
            case 401 -> ErrorType.UNAUTHENTICATED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            case 405 -> ErrorType.METHOD_NOT_ALLOWED;
            case 406 -> ErrorType.NOT_ACCEPTABLE;
            case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, uri);
        }
        DomainException refusal = domainCause(e);
        if (refusal != null) {
            return domain(refusal, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Problem problem = Problem.of(type, type.title(), path(uri), List.of());
        return type == ErrorType.UNAUTHENTICATED ? challenge(problem) : respond(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, error id %s", errorId);
        return respond(Problem.of(ErrorType.INTERNAL_ERROR, "quote error id " + errorId + " when reporting this", path(uri), List.of())
                .withCorrelationId(errorId));
    }

    private static DomainException domainCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                return refusal;
            }
        }
        return null;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response challenge(Problem problem) {
        return Response.status(problem.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The parser's duplicate-field message, however deep in the reading of nested objects it was raised. */
    private static Optional<String> duplicateFieldMessage(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
                return Optional.of(read.getOriginalMessage());
            }
        }
        return Optional.empty();
    }

    /** Names the repeated field when its name is short, plain ASCII; never echoes anything else. */
    private static String duplicateField(String message) {
        String name = message.substring(DUPLICATE_FIELD.length()).replaceAll("'$", "");
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? "the field '" + name + "' appears more than once" : "a field appears more than once";
    }

    /** Says what is wrong with the JSON without echoing its values, which may be personal data. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + pathOf(unknown) + "'";
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "field '" + pathOf(mismatched) + "' has the wrong type or shape";
        }
        return "the body is not well-formed JSON";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
