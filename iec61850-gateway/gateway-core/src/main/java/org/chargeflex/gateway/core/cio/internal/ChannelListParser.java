package org.chargeflex.gateway.core.cio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.gateway.core.CpState;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;

/**
 * Reads the station REST API's channel list ({@code {"channels":[{"label","record":{"timestamp","flag","value"}}]}},
 * docs/station-rest-api.md) into readings keyed by label relative to the listed directory.
 */
public final class ChannelListParser {
    private final Map<String, JsonNode> records = new HashMap<>();

    public ChannelListParser(JsonNode list, String directory) {
        JsonNode channels = list.path("channels");
        if (!channels.isArray()) {
            throw new IllegalArgumentException("not a channel list: no 'channels' array");
        }
        String prefix = directory + "/";
        for (JsonNode c : channels) {
            String label = c.path("label").asText("");
            if (label.startsWith(prefix)) {
                records.put(label.substring(prefix.length()), c.path("record"));
            }
        }
    }

    /** A numeric channel; missing, flagged or non-numeric is {@link Reading#MISSING}-like invalid. */
    public Reading reading(String name) {
        JsonNode r = name == null ? null : records.get(name);
        if (r == null || !r.path("value").isNumber() || !Double.isFinite(r.path("value").asDouble())) {
            return Reading.MISSING;
        }
        Instant t = Instant.ofEpochMilli(r.path("timestamp").asLong(0));
        Quality q = "VALID".equals(r.path("flag").asText()) ? Quality.GOOD : Quality.INVALID;
        return new Reading(q == Quality.GOOD ? r.path("value").asDouble() : 0, q, t);
    }

    /** The control pilot state channel (a string A..F). */
    public CpState cpState(String name) {
        JsonNode r = records.get(name);
        if (r == null || !"VALID".equals(r.path("flag").asText()) || !r.path("value").isTextual()) {
            return CpState.UNKNOWN;
        }
        String v = r.path("value").asText();
        if (v.length() != 1 || v.charAt(0) < 'A' || v.charAt(0) > 'F') {
            return CpState.UNKNOWN;
        }
        return new CpState(v.charAt(0), Quality.GOOD, Instant.ofEpochMilli(r.path("timestamp").asLong(0)));
    }
}
