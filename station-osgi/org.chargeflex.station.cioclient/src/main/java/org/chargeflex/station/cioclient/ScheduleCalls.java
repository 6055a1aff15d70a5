package org.chargeflex.station.cioclient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.chargeflex.station.cioclient.http.Backoff;
import org.chargeflex.station.cioclient.http.CioHttp;
import org.chargeflex.station.cioclient.http.HttpAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Charging requests and schedule polls, each tried up to {@code attempts} times with back-off on transient failures. */
final class ScheduleCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCalls.class);

    private final CioHttp http;
    private final ObjectMapper json;
    private final String stationPath;
    private final int attempts;
    private final long retryMinMillis;
    private final long retryMaxMillis;

    ScheduleCalls(CioHttp http, ObjectMapper json, String stationId, int attempts, long retryMinMillis,
            long retryMaxMillis) {
        this.http = http;
        this.json = json;
        this.stationPath = "api/v1/stations/" + stationId;
        this.attempts = attempts;
        this.retryMinMillis = retryMinMillis;
        this.retryMaxMillis = retryMaxMillis;
    }

    ScheduleResponse request(ChargingRequest request) throws CioException {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a charging request as JSON", e);
        }
        HttpAnswer a = withRetries("POST", stationPath + "/charging-requests", null, body);
        if (!a.ok()) {
            throw refused("charging request", a);
        }
        return parse(a, request.sessionId());
    }

    Optional<ScheduleResponse> poll(String sessionId, String etag) throws CioException {
        HttpAnswer a = withRetries("GET", stationPath + "/sessions/" + sessionId + "/schedule", etag, null);
        if (a.status() == 304) {
            return Optional.empty();
        }
        if (!a.ok()) {
            throw refused("schedule poll", a);
        }
        return Optional.of(parse(a, sessionId));
    }

    private ScheduleResponse parse(HttpAnswer a, String sessionId) throws CioException {
        ChargingSchedule s;
        try {
            s = json.readValue(a.body(), ChargingSchedule.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new CioException(CioException.Kind.MALFORMED, a.status(), "the CIO's schedule is malformed: "
                    + (root instanceof IllegalArgumentException || root instanceof NullPointerException
                            ? root.getMessage() : e.getOriginalMessage()), e);
        }
        if (s == null) {
            throw new CioException(CioException.Kind.MALFORMED, a.status(), "the CIO's schedule is empty");
        }
        if (!s.sessionId().equals(sessionId)) {
            throw new CioException(CioException.Kind.MALFORMED, a.status(), "the CIO's schedule is for session '"
                    + s.sessionId() + "', not '" + sessionId + "'");
        }
        return new ScheduleResponse(s, a.etag());
    }

    private HttpAnswer withRetries(String method, String path, String etag, String body) throws CioException {
        Backoff backoff = new Backoff(retryMinMillis, retryMaxMillis);
        for (int attempt = 1;; attempt++) {
            try {
                HttpAnswer a = http.send(method, path, etag, body);
                if (!a.transientFailure() || attempt >= attempts) {
                    return a;
                }
                LOG.info("{} {}: HTTP {} (attempt {}/{}), retrying", method, path, a.status(), attempt, attempts);
            } catch (CioException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.info("{} (attempt {}/{}), retrying", e.getMessage(), attempt, attempts);
            }
            try {
                Thread.sleep(backoff.next());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CioException(CioException.Kind.UNREACHABLE, 0, method + " " + path + " interrupted", e);
            }
        }
    }

    private static CioException refused(String what, HttpAnswer a) {
        CioException.Kind kind = a.transientFailure() ? CioException.Kind.UNREACHABLE : CioException.Kind.REFUSED;
        return new CioException(kind, a.status(), what + " answered HTTP " + a.status() + ": " + a.shortBody());
    }
}
