package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies curtailments through the CIO's curtailment API: {@code PUT /api/v1/admin/grid/curtailments/stations/{id}}
 * or {@code .../grid-connection-points/{id}} with {@code {"limitW", "emergency", "origin"}}, and lifts them with a
 * {@code DELETE} on the same path ({@code ?origin=...}). The CIO keeps the limit (also across restarts and link
 * losses), re-plans every session under it and, for an emergency, writes it at once to the stations'
 * {@code station/grid_limit_w} channel. A 400/422 (limit refused) or 404 (target unknown at the CIO) to a PUT is
 * final; a 404 to a DELETE means there was nothing to lift (success); anything else, and an emergency the CIO could
 * not deliver to the stations, is retried by the dispatcher.
 */
public final class CioCurtailmentSink implements CurtailmentSink {
    private static final Logger LOG = LoggerFactory.getLogger(CioCurtailmentSink.class);
    static final String PATH = "grid/curtailments/stations/";
    static final String GCP_PATH = "grid/curtailments/grid-connection-points/";

    private final CioClient client;

    public CioCurtailmentSink(CioClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    static String path(CurtailmentTarget target) {
        return (target.scope() == CurtailmentTarget.Scope.STATION ? PATH : GCP_PATH) + CioClient.segment(target.id());
    }

    @Override
    public void apply(Curtailment c) throws SinkException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limitW", c.limitW());
        body.put("emergency", c.emergency());
        body.put("origin", c.origin());
        JsonNode answer;
        try {
            answer = client.put(path(c.target()), body);
        } catch (CioClient.CioException e) {
            boolean refused = e.status() == 400 || e.status() == 404 || e.status() == 422;
            throw new SinkException("CIO curtailment of " + c.target() + ": " + e.getMessage(), e, !refused);
        } catch (IOException e) {
            throw new SinkException("CIO curtailment of " + c.target() + ": " + e.getMessage(), e);
        }
        LOG.info("CIO applied {} W to {} (effective {} W, {} sessions re-planned{})", c.limitW(), c.target(),
                answer.path("effectiveLimitW").asDouble(c.limitW()), answer.path("replannedSessions").asInt(0),
                c.emergency() ? ", emergency delivered: " + answer.path("emergencyDelivered").asBoolean(false) : "");
        if (c.emergency() && !answer.path("emergencyDelivered").asBoolean(false)) {
            throw new SinkException("the CIO recorded the emergency limit for " + c.target()
                    + " but could not write it to every station (yet)");
        }
    }

    @Override
    public void lift(CurtailmentTarget target, String origin) throws SinkException {
        try {
            client.delete(path(target) + "?origin=" + CioClient.segment(origin));
            LOG.info("CIO lifted the curtailment of {}", target);
        } catch (CioClient.CioException e) {
            if (e.status() == 404) {
                LOG.info("CIO had no curtailment of {} to lift", target);
                return;
            }
            boolean refused = e.status() == 400 || e.status() == 422;
            throw new SinkException("CIO lift of " + target + ": " + e.getMessage(), e, !refused);
        } catch (IOException e) {
            throw new SinkException("CIO lift of " + target + ": " + e.getMessage(), e);
        }
    }
}
