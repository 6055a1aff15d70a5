package org.chargeflex.gateway.core.cio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.gateway.core.CpState;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;

/**
 * An outlet's values from the CIO's own records, readable by a DNO account: the newest meter value of each outlet
 * ({@code GET stations/{id}/status}, {@code latestMeterValues}) and the open sessions
 * ({@code GET sessions?stationId=..&open=true}: energy demand, planned departure). Outlets without an open session
 * draw nothing (their contactor is open): power and currents are 0 at the time of the poll (only when the sessions
 * could be read).
 */
public final class CioRecords {
    /** Power above which an outlet with an open session counts as charging (CP state C). */
    static final double CHARGING_W = 100;

    private final Map<String, JsonNode> meter = new HashMap<>();
    private final Map<String, JsonNode> sessions = new HashMap<>();
    private final Instant now;
    private final boolean sessionsKnown;

    /**
     * @param status   the station status answer
     * @param sessions the open sessions of the station (a JSON array), or null when unknown
     */
    public CioRecords(JsonNode status, JsonNode sessions, Instant now) {
        this.now = now;
        this.sessionsKnown = sessions != null;
        for (JsonNode m : status.path("latestMeterValues")) {
            meter.put(m.path("outletId").asText(""), m);
        }
        if (sessions != null) {
            for (JsonNode s : sessions) {
                if (!"FINISHED".equals(s.path("state").asText())) {
                    this.sessions.put(s.path("outletId").asText(""), s);
                }
            }
        }
    }

    /** The measured values and EV data of an outlet. */
    public Map<Measurand, Reading> readings(String outletId) {
        Map<Measurand, Reading> v = new EnumMap<>(Measurand.class);
        JsonNode m = meter.get(outletId);
        JsonNode s = sessions.get(outletId);
        if (m != null) {
            Instant t = time(m.path("measuredAt"));
            if (t != null && m.path("energyWh").isNumber()) {
                v.put(Measurand.ENERGY_WH, Reading.good(m.path("energyWh").asDouble(), t));
            }
        }
        boolean ofOpenSession = m != null && s != null && s.path("sessionId").asText("").equals(
                m.path("sessionId").asText(null));
        if (ofOpenSession) {
            Instant t = time(m.path("measuredAt"));
            put(v, Measurand.POWER_W, m.path("powerW"), t);
            for (int p = 1; p <= 3; p++) {
                put(v, Measurand.current(p), m.path("currentL" + p + "A"), t);
            }
        } else if (s == null && sessionsKnown) {
            v.put(Measurand.POWER_W, Reading.good(0, now));
            for (int p = 1; p <= 3; p++) {
                v.put(Measurand.current(p), Reading.good(0, now));
            }
        }
        if (s != null) {
            Instant t = time(s.path("updatedAt"));
            Instant at = t == null ? now : t;
            put(v, Measurand.EV_ENERGY_REQUEST_WH, s.path("energyDemandWh"), at);
            Instant departure = time(s.path("plannedDeparture"));
            if (departure != null) {
                v.put(Measurand.EV_DEPARTURE_S, Reading.good(departure.getEpochSecond(), at));
            }
        }
        return v;
    }

    /** B with an open session, C while it draws power; unknown without a session (an EV may be plugged in). */
    public CpState cpState(String outletId, Reading power) {
        JsonNode s = sessions.get(outletId);
        if (s == null) {
            return CpState.UNKNOWN;
        }
        boolean charging = power.quality() == Quality.GOOD && power.value() > CHARGING_W;
        return new CpState(charging ? 'C' : 'B', Quality.GOOD, charging ? power.time() : at(s));
    }

    private Instant at(JsonNode s) {
        Instant t = time(s.path("updatedAt"));
        return t == null ? now : t;
    }

    private static void put(Map<Measurand, Reading> v, Measurand m, JsonNode value, Instant t) {
        if (t != null && value.isNumber() && Double.isFinite(value.asDouble())) {
            v.put(m, Reading.good(value.asDouble(), t));
        }
    }

    private static Instant time(JsonNode n) {
        if (n.isNumber()) {
            return Instant.ofEpochMilli((long) (n.asDouble() * 1000));
        }
        if (!n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
