package org.chargeflex.cio.stationapi;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chargeflex.cio.station.StationActivity;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.system.StationCall;
import org.chargeflex.cio.system.StationEndpoint;
import org.chargeflex.cio.system.StationReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The station API ({@code /api/v1/stations/*}): routes each call to its {@link StationEndpoint}, reads and writes JSON
 * with the application's {@link JsonMapper} and answers every error as an RFC 9457 problem body, like the rest of the
 * API. A servlet of its own, beside Spring MVC's: the stations' calls are the CIO's hot path, and Spring MVC's
 * dispatch (handler look-up, argument resolution, message converters, interceptors) was about half of the JVM's CPU
 * per charging request (bench/RESULTS.md, issue 5).
 *
 * <p>Spring Security's station chain runs before this servlet (its filters apply to every servlet): it authenticates
 * the station and lets it in for its own id only. This servlet checks the latter once more, so a change of the chain
 * cannot open one station's calls to another, and then notes that the station was seen ({@link StationActivity}).
 * Only the endpoints' methods are served: HEAD and OPTIONS are answered 405 (stations use neither).
 */
final class StationApiServlet extends HttpServlet {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StationApiServlet.class);
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The largest body read (a meter batch of 1 000 values is about 200 KB). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final transient StationRoutes routes;
    private final transient JsonMapper json;
    private final transient StationActivity activity;
    private final transient Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final transient Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    StationApiServlet(StationRoutes routes, JsonMapper json, StationActivity activity) {
        this.routes = routes;
        this.json = json;
        this.activity = activity;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            StationReply reply = call(request);
            if (reply.etag() != null) {
                response.setHeader(HttpHeaders.ETAG, reply.etag());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                if ("GET".equals(request.getMethod())
                        && EntityTags.anyMatches(request.getHeader(HttpHeaders.IF_NONE_MATCH), reply.etag())) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    return;
                }
            }
            write(response, reply.status(), JSON, writer(reply.body().getClass()).writeValueAsBytes(reply.body()));
        } catch (ErrorResponseException e) {
            e.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            problem(request, response, e.getStatusCode().value(), e.getBody());
        } catch (DataIntegrityViolationException e) {
            LOG.info("Refused a change that violates a database constraint: {}", e.getMostSpecificCause().getMessage());
            problem(request, response, 409, Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                    "the change conflicts with the stored data (a duplicate or a missing reference)"));
        } catch (RuntimeException | IOException e) { // an IOException writing the answer fails this write too
            LOG.error("Unexpected error while handling a station API request", e);
            problem(request, response, 500, Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Internal server error", "the request failed; the server has logged why"));
        }
    }

    private StationReply call(HttpServletRequest request) throws IOException {
        String pathInfo = request.getPathInfo();
        List<String> segments = pathInfo == null || pathInfo.length() < 2 ? List.of()
                : Arrays.asList(pathInfo.substring(1).split("/", -1));
        if (segments.size() < 2 || segments.get(0).isEmpty()) {
            throw notFound(request);
        }
        String stationId = segments.get(0);
        Principal principal = request.getUserPrincipal();
        if (principal == null || !stationId.equals(principal.getName())) {
            throw Problems.forbidden("'" + (principal == null ? "?" : principal.getName()) + "' may not "
                    + request.getMethod() + " " + request.getRequestURI());
        }
        StationRoutes.Lookup lookup = routes.find(request.getMethod(), segments.subList(1, segments.size()));
        if (lookup.match() == null) {
            if (lookup.allowed().isEmpty()) {
                throw notFound(request);
            }
            ErrorResponseException e = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Method not allowed", request.getMethod() + " is not supported here; allowed: "
                            + String.join(", ", lookup.allowed()));
            e.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", lookup.allowed()));
            throw e;
        }
        activity.seen(stationId);
        StationRoutes.Match match = lookup.match();
        return match.endpoint().handler().handle(new Call(request, stationId, match.variables()));
    }

    private static ErrorResponseException notFound(HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no station API resource at "
                + request.getRequestURI());
    }

    /** The call's view of the request. */
    private final class Call implements StationCall {
        private final HttpServletRequest request;
        private final String stationId;
        private final Map<String, String> variables;

        Call(HttpServletRequest request, String stationId, Map<String, String> variables) {
            this.request = request;
            this.stationId = stationId;
            this.variables = variables;
        }

        @Override
        public String stationId() {
            return stationId;
        }

        @Override
        public String variable(String name) {
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the endpoint's path has no variable '" + name + "'");
            }
            return value;
        }

        @Override
        public <T> T body(Class<T> type) {
            String contentType = request.getContentType();
            if (!isJson(contentType)) {
                ErrorResponseException e = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Unsupported media type", "Content-Type '" + (contentType == null ? "" : contentType)
                                + "' is not supported; send " + JSON);
                e.getHeaders().set(HttpHeaders.ACCEPT, JSON);
                throw e;
            }
            byte[] bytes = readBody(request);
            if (bytes.length == 0) {
                throw invalidBody("the body is missing or is not valid JSON");
            }
            T value;
            try {
                value = reader(type).readValue(bytes);
            } catch (JacksonException e) {
                throw invalidBody(Problems.describeUnreadable(e));
            }
            if (value == null) { // the literal body null
                throw invalidBody("the body is missing or is not valid JSON");
            }
            return value;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
        return type.equals(JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static byte[] readBody(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                        "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw invalidBody("the body could not be read: " + e.getMessage());
        }
    }

    private static ErrorResponseException invalidBody(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body", detail);
    }

    private ObjectReader reader(Class<?> type) {
        return readers.computeIfAbsent(type, json::readerFor);
    }

    private ObjectWriter writer(Class<?> type) {
        return writers.computeIfAbsent(type, json::writerFor);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", status);
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        write(response, status, PROBLEM_JSON, json.writeValueAsBytes(body));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
