package org.chargeflex.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request, written once and sent by either generator: as raw bytes through {@link SocketLoad}
 * ({@link #bytes}, which adds {@code Host} and, with a body, {@code Content-Length}) or as a JDK {@link HttpRequest}
 * ({@link #httpRequest}, for the set-up and the {@code --client jdk} runs; the JDK sets those two headers itself).
 *
 * @param method  {@code GET}, {@code POST}, ...
 * @param path    the request target, starting with {@code /}
 * @param headers further headers (not {@code Host} or {@code Content-Length})
 * @param body    the body, sent as UTF-8, or {@code null} for none
 */
public record RawRequest(String method, String path, Map<String, String> headers, String body) {

    /** @throws IllegalArgumentException on a line break in the method, path or a header, or a reserved header */
    public RawRequest {
        requireOneLine("method", method);
        requireOneLine("path", path);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            requireOneLine("header name", name);
            requireOneLine("header " + name, value);
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) {
                throw new IllegalArgumentException(name + " is set by the generator, not by the request");
            }
            copy.put(name, value);
        });
        headers = Collections.unmodifiableMap(copy);
    }

    /** The request as sent on the wire, with {@code Host: hostPort}. */
    public byte[] bytes(String hostPort) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128 + path.length());
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostPort).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (content != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        if (content == null) {
            return h;
        }
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    /** The same request for the JDK's HttpClient; {@code origin} is e.g. {@code http://127.0.0.1:8080}. */
    public HttpRequest httpRequest(String origin, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(timeout);
        headers.forEach(b::header);
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static void requireOneLine(String what, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one non-empty line: " + value);
        }
    }
}
