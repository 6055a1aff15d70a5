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
}
