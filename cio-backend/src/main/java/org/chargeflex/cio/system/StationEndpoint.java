package org.chargeflex.cio.system;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One endpoint of the station API ({@value StationApi#BASE}/...), contributed as a bean by the feature that owns it and
 * served by the station API's own servlet (package {@code stationapi}): the stations' hot path, without Spring MVC's
 * dispatch (bench/RESULTS.md, issue 5). Spring Security's station chain authenticates every call before it.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param path    the path below {@code /api/v1/stations/{stationId}/}, segments separated by {@code /}; a segment
 *                {@code {name}} is a variable, e.g. {@code sessions/{sessionId}/schedule}
 * @param summary one line for the OpenAPI document
 * @param body    the JSON type of the request body, or {@code null} for none
 * @param answer  the JSON type of the answer
 * @param handler what the call does
 */
public record StationEndpoint(String method, String path, String summary, Class<?> body, Class<?> answer,
        Handler handler) {
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z-]*|\\{[a-zA-Z]+}");

    /** Handles a call; errors are thrown as {@link Problems} (RFC 9457), a malformed body by {@link StationCall#body}. */
    @FunctionalInterface
    public interface Handler {
        StationReply handle(StationCall call) throws IOException;
    }

    public StationEndpoint {
        Objects.requireNonNull(method, "method");
        if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
            throw new IllegalArgumentException("method must be GET, POST, PUT or DELETE, was '" + method + "'");
        }
        Objects.requireNonNull(path, "path");
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("path segment '" + segment + "' of '" + path
                        + "' is neither lower-case words joined by '-' nor a {variable}");
            }
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(handler, "handler");
    }

    /** The path's segments. */
    public List<String> segments() {
        return List.of(path.split("/"));
    }

    /** The whole path template, as the OpenAPI document names it. */
    public String template() {
        return StationApi.BASE + "/" + path;
    }
}
