package org.chargeflex.cio.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problems thrown by controllers and services; {@link ProblemDetailsAdvice} renders them. The {@code type} of
 * each is {@code urn:chargeflex:problem:<slug>}.
 */
public final class Problems {
    private static final String TYPE_PREFIX = "urn:chargeflex:problem:";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, problem(status, slug, title, detail), null);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_PREFIX + slug));
        pd.setTitle(title);
        return pd;
    }

    public static ErrorResponseException notFound(String what, String id) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " '" + id + "' does not exist");
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ErrorResponseException invalid(String detail) {
        return of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ErrorResponseException unprocessable(String detail) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Request cannot be processed", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /**
     * What is wrong with an unreadable request body, for a 400 problem's detail: the contract records' own validation
     * message if a constructor refused a value, else the JSON path and Jackson's reason, else that the body is missing or
     * not JSON.
     */
    public static String describeUnreadable(Throwable ex) {
        Throwable validation = null;
        JacksonException jackson = null;
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException je && jackson == null) {
                jackson = je;
            }
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                validation = t;
            }
        }
        if (validation != null && validation.getMessage() != null) {
            return validation.getMessage();
        }
        if (jackson != null) {
            String path = path(jackson);
            return (path.isEmpty() ? "" : path + ": ") + jackson.getOriginalMessage();
        }
        return "the body is missing or is not valid JSON";
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
