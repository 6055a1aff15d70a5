package org.chargeflex.cio.system;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into an RFC 9457 problem body ({@code application/problem+json}). Framework errors
 * come from {@link ResponseEntityExceptionHandler}; a malformed body names the field and the reason (the contract
 * records' own validation messages); anything unexpected is logged and answered with a 500 that reveals nothing.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body",
                Problems.describeUnreadable(ex));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A unique or foreign key violated by a concurrent change (the normal checks come first, in the services). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException ex) {
        LOG.info("Refused a change that violates a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "the change conflicts with the stored data (a duplicate or a missing reference)");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        LOG.error("Unexpected error while handling a request", ex);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal server error",
                "the request failed; the server has logged why");
    }
}
