package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Calls the CIO's admin API ({@code /api/v1/admin/...}, see docs/cio-backend.md) with an operator account of role
 * DNO or OPERATOR (HTTP Basic; certificate and host name verified for https). Blocking; used by the gateway's poller and dispatcher threads only.
 */
public final class CioClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    private CioClient(Builder b) {
        this.baseUri = b.baseUri;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((b.username + ":" + new String(b.password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = b.timeout;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.sslContext != null) {
            http.sslContext(b.sslContext);
        }
        this.http = http.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GET of an admin path (below {@code /api/v1/admin/}); the JSON answer. */
    JsonNode get(String path) throws IOException, CioException {
        return send(request(path).GET().build());
    }

    /** PUT of a JSON body to an admin path; the JSON answer (or an empty node). */
    JsonNode put(String path, Object body) throws IOException, CioException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** DELETE of an admin path (the path may carry a query); the JSON answer (or an empty node). */
    JsonNode delete(String path) throws IOException, CioException {
        return send(request(path).DELETE().build());
    }

    /** Percent-encodes one path segment (ids may contain ':'). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve("api/v1/admin/" + path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws IOException, CioException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the CIO", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new CioException(response.statusCode(), request.method() + " " + request.uri() + " -> "
                    + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A non-2xx answer of the CIO. */
    static final class CioException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        CioException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Builds a {@link CioClient}; base URI and credentials are required (there is no default account). */
    public static final class Builder {
        private URI baseUri;
        private String username;
        private char[] password;
        private Duration timeout = Duration.ofSeconds(5);
        private SSLContext sslContext;

        private Builder() {
        }

        /** The TLS context for an {@code https} CIO (e.g. trusting the CIO's own certificate); default: the JDK's. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /** The CIO's base URI, e.g. {@code https://cio.example:8443/}. */
        public Builder baseUri(URI uri) {
            Objects.requireNonNull(uri, "baseUri");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("baseUri must be http(s), got " + uri);
            }
            String s = uri.toString();
            this.baseUri = URI.create(s.endsWith("/") ? s : s + "/");
            return this;
        }

        public Builder credentials(String username, char[] password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isBlank() || username.contains(":") || password.length == 0) {
                throw new IllegalArgumentException("username must be non-blank without ':', password non-empty");
            }
            this.username = username;
            this.password = password.clone();
            return this;
        }

        /** Per-request timeout (default 5 s; 100 ms .. 2 min). */
        public Builder timeout(Duration t) {
            Objects.requireNonNull(t, "timeout");
            if (t.toMillis() < 100 || t.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new IllegalArgumentException("timeout must be 100 ms .. 2 min, got " + t);
            }
            this.timeout = t;
            return this;
        }

        public CioClient build() {
            if (baseUri == null || username == null) {
                throw new IllegalStateException("a CioClient needs a baseUri and credentials");
            }
            return new CioClient(this);
        }
    }
}
