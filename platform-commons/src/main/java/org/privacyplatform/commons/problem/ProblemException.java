package org.privacyplatform.commons.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule of the domain said no: thrown by the service layer, answered as problem+json with its status.
 * Use the factories so one kind of failure always reads the same.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final java.time.Duration retryAfter;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            java.time.Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** 429, answered with {@code Retry-After} in whole seconds (at least 1). */
    public static ProblemException tooManyRequests(String detail, java.time.Duration retryAfter) {
        return new ProblemException(429, "Too Many Requests", detail, List.of(), retryAfter);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Bad Request", detail, List.of(new Problem.FieldError(field, detail)));
    }

    /**
     * 400 for input that breaks its fields' rules, answered as a Bean Validation failure is: {@code errors} sorted by
     * field, {@code detail} each "field: detail" joined by "; ". For checks made by hand on a hot path.
     */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = sorted.stream().map(f -> f.field() + ": " + f.detail()).collect(Collectors.joining("; "));
        return new ProblemException(400, "Bad Request", detail, sorted);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public Problem toProblem() {
        return Problem.of(status, title, getMessage()).withErrors(errors);
    }

    public int status() {
        return status;
    }

    /** When the caller may try again, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} as the {@code Retry-After} header's delay in seconds, rounded up; null when none. */
    public String retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }
}
