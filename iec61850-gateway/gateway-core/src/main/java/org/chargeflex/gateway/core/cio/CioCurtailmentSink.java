package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.SinkException;
import org.chargeflex.gateway.core.StationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies curtailments through the CIO's curtailment API: {@code PUT /api/v1/admin/grid/curtailments/stations/{id}}
 * with {@code {"limitW", "emergency", "origin"}}. The CIO keeps the limit (also across restarts and link losses),
 * re-plans every session of the station under it and, for an emergency, writes it at once to the station's
 * {@code station/grid_limit_w} channel. A 400 (limit refused) or 404 (station unknown at the CIO) is final; anything
 * else, and an emergency the CIO could not deliver to the station, is retried by the dispatcher.
 */
public final class CioCurtailmentSink implements CurtailmentSink {
    private static final Logger LOG = LoggerFactory.getLogger(CioCurtailmentSink.class);
    static final String PATH = "grid/curtailments/stations/";

    private final CioClient client;

    public CioCurtailmentSink(CioClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void apply(Curtailment c, StationInfo station) throws SinkException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limitW", c.limitW());
        body.put("emergency", c.emergency());
        body.put("origin", c.origin());
        JsonNode answer;
        try {
            answer = client.put(PATH + CioClient.segment(station.id()), body);
        } catch (CioClient.CioException e) {
            boolean refused = e.status() == 400 || e.status() == 404 || e.status() == 422;
            throw new SinkException("CIO curtailment of " + station.id() + ": " + e.getMessage(), e, !refused);
        } catch (IOException e) {
            throw new SinkException("CIO curtailment of " + station.id() + ": " + e.getMessage(), e);
        }
        LOG.info("CIO applied {} W to station {} (effective {} W, {} sessions re-planned{})", c.limitW(),
                station.id(), answer.path("effectiveLimitW").asDouble(c.limitW()),
                answer.path("replannedSessions").asInt(0),
                c.emergency() ? ", emergency delivered: " + answer.path("emergencyDelivered").asBoolean(false) : "");
        if (c.emergency() && !answer.path("emergencyDelivered").asBoolean(false)) {
            throw new SinkException("the CIO recorded the emergency limit for " + station.id()
                    + " but could not write it to the station (yet)");
        }
    }
}
