package org.chargeflex.systemtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A stand-in for the CIO's station API (plain HTTP, HTTP Basic with the station's id and secret) whose schedule
 * answers the test sets: the real CIO validates every schedule it sends, so only a stand-in can hand the station a
 * malformed one. Meter values and session records are accepted and kept (idempotent on the sequence number).
 */
public final class StandInCio implements AutoCloseable {
    /** A schedule answer: status, body, ETag (or null). */
    public record Answer(int status, String body, String etag) {
    }

    private final StubServer server = new StubServer();
    private final String authorization;
    private final AtomicReference<Function<JsonNode, Answer>> onRequest = new AtomicReference<>();
    private final AtomicReference<Function<String, Answer>> onPoll = new AtomicReference<>();
    private final Map<Long, JsonNode> meterValues = new ConcurrentHashMap<>();
    private final Set<Long> sessionRecords = ConcurrentHashMap.newKeySet();

    public StandInCio(String stationId, String secret) {
        this.authorization = Http.basic(stationId, secret);
        String base = "/api/v1/stations/" + stationId;
        server.route("POST", base + "/charging-requests", (r, m) -> {
            if (!authorized(r)) {
                return StubServer.Reply.json(401, "{}");
            }
            return reply(onRequest.get().apply(Http.JSON.readTree(r.body())));
        });
        server.route("GET", base + "/sessions/([^/]+)/schedule", (r, m) -> {
            if (!authorized(r)) {
                return StubServer.Reply.json(401, "{}");
            }
            Answer a = onPoll.get().apply(m.group(1));
            if (a.etag() != null && a.etag().equals(r.header("If-None-Match"))) {
                return new StubServer.Reply(304, null, Map.of("ETag", a.etag()));
            }
            return reply(a);
        });
        server.route("POST", base + "/meter-values", (r, m) -> {
            if (!authorized(r)) {
                return StubServer.Reply.json(401, "{}");
            }
            int stored = 0;
            JsonNode items = Http.JSON.readTree(r.body()).get("items");
            for (JsonNode item : items) {
                if (meterValues.putIfAbsent(item.get("sequenceNumber").asLong(), item) == null) {
                    stored++;
                }
            }
            return StubServer.Reply.json(200, "{\"received\":" + items.size() + ",\"stored\":" + stored
                    + ",\"duplicates\":" + (items.size() - stored) + "}");
        });
        server.route("POST", base + "/session-records", (r, m) -> {
            if (!authorized(r)) {
                return StubServer.Reply.json(401, "{}");
            }
            long seq = Http.JSON.readTree(r.body()).get("sequenceNumber").asLong();
            boolean stored = sessionRecords.add(seq);
            return StubServer.Reply.json(stored ? 201 : 200, "{\"sequenceNumber\":" + seq + ",\"stored\":" + stored + "}");
        });
    }

    private boolean authorized(StubServer.Request r) {
        return authorization.equals(r.header("Authorization"));
    }

    private static StubServer.Reply reply(Answer a) {
        return new StubServer.Reply(a.status(), a.body(), a.etag() == null ? Map.of() : Map.of("ETag", a.etag()));
    }

    /** How charging requests are answered (gets the request body). */
    public void onChargingRequest(Function<JsonNode, Answer> answer) {
        onRequest.set(answer);
    }

    /** How schedule polls are answered (gets the session id). */
    public void onPoll(Function<String, Answer> answer) {
        onPoll.set(answer);
    }

    /** Schedule requests and polls served so far. */
    public long scheduleCalls() {
        return server.received().stream()
                .filter(r -> r.path().endsWith("/charging-requests") || r.path().endsWith("/schedule")).count();
    }

    public List<StubServer.Request> received() {
        return server.received();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
