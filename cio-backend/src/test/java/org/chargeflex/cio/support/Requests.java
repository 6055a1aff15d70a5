package org.chargeflex.cio.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies of the station API as maps (what a station sends on the wire). */
public final class Requests {
    private Requests() {
    }

    public static Map<String, Object> chargingRequest(String stationId, String outletId, String sessionId,
            double energyWh, double maxPowerW, Instant departure) {
        return chargingRequest(stationId, outletId, sessionId, "04A1B2C3", energyWh, maxPowerW, departure, null);
    }

    public static Map<String, Object> chargingRequest(String stationId, String outletId, String sessionId,
            String rfid, double energyWh, double maxPowerW, Instant departure, String managementServiceUrl) {
        Map<String, Object> ev = new HashMap<>();
        ev.put("energyDemandWh", energyWh);
        ev.put("maxPowerW", maxPowerW);
        ev.put("phases", 3);
        ev.put("plannedDeparture", departure.toString());
        Map<String, Object> r = new HashMap<>();
        r.put("stationId", stationId);
        r.put("outletId", outletId);
        r.put("sessionId", sessionId);
        r.put("user", Map.of("type", "RFID", "token", rfid));
        r.put("ev", ev);
        if (managementServiceUrl != null) {
            r.put("managementServiceUrl", managementServiceUrl);
        }
        return r;
    }

    public static Map<String, Object> meterValue(long sequenceNumber, Instant at, double energyWh, double powerW) {
        return Map.of("sequenceNumber", sequenceNumber, "timestamp", at.toString(), "outletId", "1",
                "energyWh", energyWh, "powerW", powerW, "phaseCurrentsA", List.of(10.0, 10.1, 9.9));
    }

    public static Map<String, Object> meterBatch(String stationId, List<Map<String, Object>> items) {
        return Map.of("stationId", stationId, "items", items);
    }

    /** A START or STOP record of outlet "1" (a STOP started a minute ago with 1 kWh more on the register). */
    public static Map<String, Object> sessionRecord(String stationId, long sequenceNumber, String kind,
            String sessionId) {
        return sessionRecord(stationId, sequenceNumber, kind, sessionId, "1");
    }

    /** A START or STOP record of the outlet (a STOP started a minute ago with 1 kWh more on the register). */
    public static Map<String, Object> sessionRecord(String stationId, long sequenceNumber, String kind,
            String sessionId, String outletId) {
        Map<String, Object> r = new HashMap<>();
        r.put("stationId", stationId);
        r.put("sequenceNumber", sequenceNumber);
        r.put("kind", kind);
        r.put("sessionId", sessionId);
        r.put("outletId", outletId);
        r.put("user", Map.of("type", "RFID", "token", "04A1B2C3"));
        Instant now = Instant.now();
        r.put("startTime", now.minusSeconds(60).toString());
        r.put("startEnergyWh", 1000);
        if (kind.equals("STOP")) {
            r.put("stopTime", now.toString());
            r.put("stopEnergyWh", 2000);
        }
        return r;
    }
}
