package org.chargeflex.station.cioclient.http;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.chargeflex.station.cioclient.api.CioException;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.CommonProperties;

/**
 * HTTP to the CIO through the Jersey client (embedded in this bundle, default {@code HttpURLConnection} connector):
 * HTTP Basic with the station's credential on every request, the configured TLS context, connect and read
 * timeouts, no redirects. Jersey looks providers up through the thread context class loader, so every call runs with
 * this bundle's class loader as the context loader.
 */
public final class CioHttp implements AutoCloseable {
    /**
     * Jersey's client runs without HK2 here (its injection-less mode, enough for a client) and says so with a JUL
     * warning per request; the logger is kept (a strong reference) at SEVERE so that it does not flood the log.
     */
    private static final java.util.logging.Logger NO_HK2_NOTICE = quiet(
            "org.glassfish.jersey.client.innate.inject.NonInjectionManager");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    private final URI base;
    private final String authorization;
    private final Client client;

    public CioHttp(URI base, String stationId, String secret, SSLContext ssl, Duration connectTimeout,
            Duration readTimeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((stationId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.client = withBundleLoader(() -> {
            JerseyClientBuilder b = new JerseyClientBuilder();
            if (ssl != null) {
                b.sslContext(ssl);
            }
            b.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            b.readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            b.property(ClientProperties.FOLLOW_REDIRECTS, false);
            b.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
            b.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
            b.property(CommonProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
            b.property(CommonProperties.MOXY_JSON_FEATURE_DISABLE, true);
            b.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
            return b.build();
        });
    }

    /**
     * Sends a request; {@code path} is relative to the base URL.
     *
     * @param etag     sent as {@code If-None-Match} when not null
     * @param jsonBody the JSON body, or null for none
     * @throws CioException of kind UNREACHABLE when no HTTP answer came (connection refused, timeout, TLS failure)
     */
    public HttpAnswer send(String method, String path, String etag, String jsonBody) throws CioException {
        URI uri = base.resolve(path);
        try {
            return withBundleLoader(() -> {
                Invocation.Builder b = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                        .header("Authorization", authorization);
                if (etag != null) {
                    b.header("If-None-Match", etag);
                }
                try (Response r = jsonBody == null ? b.method(method)
                        : b.method(method, Entity.entity(jsonBody, MediaType.APPLICATION_JSON_TYPE))) {
                    String body = r.hasEntity() ? r.readEntity(String.class) : "";
                    return new HttpAnswer(r.getStatus(), r.getHeaderString("ETag"), body == null ? "" : body);
                }
            });
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CioException(CioException.Kind.UNREACHABLE, 0,
                    method + " " + uri + " failed: " + cause, e);
        }
    }

    public URI base() {
        return base;
    }

    private static <T> T withBundleLoader(Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(CioHttp.class.getClassLoader());
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            client.close();
            return null;
        });
    }
}
