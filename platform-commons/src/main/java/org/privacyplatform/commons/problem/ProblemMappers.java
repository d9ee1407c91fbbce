package org.privacyplatform.commons.problem;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one error mapping of every service: each failure leaves as RFC 9457 problem+json with a clear title,
 * never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(), uri);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        // one shape for every invalid input: checks made by hand throw the same (ProblemException.invalid)
        return respond(ProblemException.invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage())).toList()).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String detail = "field '" + field + "' has a value of the wrong type or format";
            return respond(Problem.of(400, "Bad Request", detail)
                    .withErrors(List.of(new Problem.FieldError(field, "wrong type or format"))), uri);
        }
        return respond(Problem.of(400, "Bad Request", "the request body is not valid JSON"), uri);
    }

    /** Registered for the exact type too, so Quarkus' built-in plain-JSON mapper for it never answers. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e.getResponse().getStatus() == 404
                && (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof java.time.DateTimeException)) {
            // JAX-RS answers 404 when a query or path parameter does not convert: it is the caller's input
            return respond(Problem.of(400, "Bad Request", "a query or path parameter has the wrong format: "
                    + e.getCause().getMessage()), uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 404 ? "no resource at this path"
                : status.getStatusCode() == 405 ? "this method is not allowed on this path"
                        : status.getStatusCode() == 415 ? "send application/json"
                                : status.getStatusCode() == 406 ? "this resource answers application/json"
                                        : status.getStatusCode() == 413 ? "the request body is over the size limit"
                                                : e.getMessage();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "a valid bearer token is required"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "the caller's roles do not allow this"
                : e.getMessage();
        return respond(Problem.of(403, "Forbidden", detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(Problem.of(500, "Internal Server Error",
                "an unexpected error occurred; quote error id " + errorId + " to the operators"), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(URI.create(uri.getPath()));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }

    /** {@code put.body.granted} -> {@code granted}; {@code put.subjectId} -> {@code subjectId}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1]
                : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
