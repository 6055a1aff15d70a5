package org.chargeflex.cio.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.chargeflex.cio.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Calls a station's REST server ({@code {base}/rest/channels/{label}}) with HTTP Basic. Connection failures become
 * 502 problems, timeouts 504; the station's own answers (also its errors) are passed on as they are.
 */
@Component
@EnableConfigurationProperties(StationAccessProperties.class)
class StationChannelClient {
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StationChannelClient.class);

    private final HttpClient http;
    private final Duration timeout;

    StationChannelClient(StationAccessProperties properties) {
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The station's answer: status, content type and body. */
    record StationAnswer(int status, String contentType, byte[] body) {
    }

    StationAnswer exchange(String method, URI uri, String username, String password, byte[] body) {
        return exchange(method, uri, username, password, body, timeout);
    }

    /** The same with a deadline of its own for this call (e.g. shorter, for an emergency grid limit). */
    StationAnswer exchange(String method, URI uri, String username, String password, byte[] body, Duration timeout) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw Problems.of(HttpStatus.BAD_GATEWAY, "station-answer-too-long", "Station answer too long",
                            "the station's answer exceeds " + MAX_ANSWER_BYTES + " bytes");
                }
                return new StationAnswer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/json"), bytes);
            }
        } catch (HttpTimeoutException e) {
            LOG.info("Station REST server {} did not answer within {}", uri, timeout, e);
            throw Problems.of(HttpStatus.GATEWAY_TIMEOUT, "station-timeout", "Station timeout",
                    "the station's REST server did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            LOG.info("Station REST server {} unreachable: {}", uri, e.toString());
            throw Problems.of(HttpStatus.BAD_GATEWAY, "station-unreachable", "Station unreachable",
                    "the station's REST server cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "Interrupted", "the call was interrupted");
        }
    }
}
