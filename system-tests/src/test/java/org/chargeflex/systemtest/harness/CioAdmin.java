package org.chargeflex.systemtest.harness;

import java.util.List;
import java.util.Map;

/** The CIO's operator API calls the tests need, each checked for success. */
public final class CioAdmin {
    private final Http admin;

    public CioAdmin(CioBackend cio) {
        this.admin = cio.admin();
    }

    /** Registers a station with one three-phase outlet per id, its REST base URL and a hardware limit. */
    public void registerStation(String id, String restBaseUrl, double maxPowerW, List<String> outletIds) {
        Map<String, Object> station = new java.util.HashMap<>(Map.of("name", "System test " + id, "maxPowerW", maxPowerW));
        if (restBaseUrl != null) {
            station.put("restBaseUrl", restBaseUrl);
        }
        List<Map<String, Object>> outlets = outletIds.stream()
                .map(o -> Map.<String, Object>of("id", o, "maxPowerW", 22_000, "phases", 3)).toList();
        expect(201, admin.post("/api/v1/admin/stations", Map.of("id", id, "station", station, "outlets", outlets)),
                "register station " + id);
    }

    /** Issues the station's own credential (its HTTP Basic password towards the CIO). */
    public String issueStationCredential(String id) {
        return expect(200, admin.post("/api/v1/admin/stations/" + id + "/credential", "{}"), "issue credential")
                .json().get("secret").asText();
    }

    /** Stores the CIO's credential for the station's REST server. */
    public void setAccessCredential(String id, String username, String password) {
        expect(204, admin.put("/api/v1/admin/stations/" + id + "/access-credential",
                Map.of("username", username, "password", password)), "set access credential");
    }

    public Http.Response readChannel(String stationId, String label) {
        return admin.get("/api/v1/admin/stations/" + stationId + "/channels/" + label);
    }

    public Http.Response writeChannel(String stationId, String label, String valueJson) {
        return admin.put("/api/v1/admin/stations/" + stationId + "/channels/" + label,
                "{\"record\":{\"value\":" + valueJson + "}}");
    }

    /** Registers a FLEET management service with one RFID member; returns its id. */
    public long registerFleetService(String url, String rfidToken) {
        long id = expect(201, admin.post("/api/v1/admin/management-services",
                Map.of("name", "fleet " + rfidToken, "kind", "FLEET", "url", url, "timeoutMs", 3000, "enabled", true)),
                "register management service").json().get("id").asLong();
        expect(200, admin.put("/api/v1/admin/management-services/" + id + "/members/RFID/" + rfidToken, "{}"),
                "add fleet member");
        return id;
    }

    /** The station's stored meter values of the last hour, oldest first (at most 5000). */
    public com.fasterxml.jackson.databind.JsonNode meterValues(String stationId) {
        return expect(200, admin.get("/api/v1/admin/stations/" + stationId + "/meter-values?limit=5000"),
                "meter values").json();
    }

    /** A session with its schedule versions. */
    public com.fasterxml.jackson.databind.JsonNode session(String stationId, String sessionId) {
        return expect(200, admin.get("/api/v1/admin/stations/" + stationId + "/sessions/" + sessionId), "session")
                .json();
    }

    /** A GET of the admin API with the bootstrap operator account (the answer unchecked). */
    public Http.Response get(String path) {
        return admin.get(path);
    }

    /** Creates an operator account with one role (e.g. DNO); returns its generated password. */
    public String createUser(String name, String role) {
        return expect(201, admin.post("/api/v1/admin/users", Map.of("name", name, "roles", List.of(role))),
                "create user " + name).json().get("password").asText();
    }

    public static Http.Response expect(int status, Http.Response r, String what) {
        if (r.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + r);
        }
        return r;
    }
}
