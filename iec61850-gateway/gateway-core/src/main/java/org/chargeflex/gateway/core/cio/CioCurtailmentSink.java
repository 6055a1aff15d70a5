package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.SinkException;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Applies curtailments through the CIO's admin API.
 * <ul>
 * <li>Planned: the CIO's grid limit input is the grid connection point. A station that is the only one on its grid
 * connection point gets the limit as that point's {@code maxPowerW} ({@code PUT grid-connection-points/{gcp}}, name
 * kept); the optimiser re-plans under it. For a station without a grid connection point of its own there is no CIO
 * input: {@link #applyPlanned} answers false and the gateway applies the limit directly.</li>
 * <li>Direct/emergency: {@code PUT stations/{id}/channels/<outlet current limit>} with {@code {"record":{"value":A}}}
 * for every outlet; the CIO relays it to the station's REST API.</li>
 * </ul>
 */
public final class CioCurtailmentSink implements CurtailmentSink {
    private final CioClient client;
    private final ChannelMap channels;

    public CioCurtailmentSink(CioClient client, ChannelMap channels) {
        this.client = Objects.requireNonNull(client, "client");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    @Override
    public boolean applyPlanned(Curtailment c, StationInfo station) throws SinkException {
        String gcp = station.gridConnectionPoint();
        if (gcp == null) {
            return false;
        }
        try {
            if (shared(gcp, station.id())) {
                return false;
            }
            String path = "grid-connection-points/" + CioClient.segment(gcp);
            JsonNode current = client.get(path);
            String name = current.path("name").asText(gcp);
            // the CIO requires a positive limit; 0 W is sent as 1 W (the stations pause: 1 W is below 6 A)
            client.put(path, Map.of("name", name, "maxPowerW", Math.max(1.0, c.limitW())));
            return true;
        } catch (IOException | CioClient.CioException e) {
            throw new SinkException("CIO grid limit for " + gcp + ": " + e.getMessage(), e);
        }
    }

    /** Whether another station hangs on the grid connection point (read from the CIO's registry now). */
    private boolean shared(String gcp, String stationId) throws IOException, CioClient.CioException {
        for (JsonNode s : client.get("stations")) {
            if (gcp.equals(s.path("gridConnectionPoint").asText(null)) && !stationId.equals(s.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void applyEmergency(Curtailment c, StationInfo station, Map<String, Double> outletCurrentA)
            throws SinkException {
        for (Map.Entry<String, Double> e : outletCurrentA.entrySet()) {
            String path = "stations/" + CioClient.segment(station.id()) + "/channels/"
                    + channels.currentLimitLabel(e.getKey());
            try {
                client.put(path, Map.of("record", Map.of("value", e.getValue())));
            } catch (IOException | CioClient.CioException ex) {
                throw new SinkException("current limit of " + station.id() + "/" + e.getKey() + ": "
                        + ex.getMessage(), ex);
            }
        }
    }
}
