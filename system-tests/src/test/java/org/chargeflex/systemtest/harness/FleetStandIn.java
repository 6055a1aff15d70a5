package org.chargeflex.systemtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A fleet operator's energy management service (docs/forwarding-contract.md) the CIO forwards charging requests to:
 * answers with a step schedule starting at the CIO's {@code now}. Tests change the plan between requests.
 */
public final class FleetStandIn implements AutoCloseable {
    private final StubServer server = new StubServer();
    private final AtomicReference<Function<Instant, String>> plan = new AtomicReference<>();

    public FleetStandIn() {
        server.route("POST", "/fleet", (request, path) -> {
            JsonNode body = Http.JSON.readTree(request.body());
            Instant now = Instant.parse(body.get("now").asText());
            Function<Instant, String> p = plan.get();
            return p == null ? StubServer.Reply.json(503, "{}") : StubServer.Reply.json(200, p.apply(now));
        });
    }

    /** From now on, answer with these steps from the request's {@code now}, valid for {@code validSeconds}. */
    public void answerSteps(List<Schedules.Step> steps, long validSeconds, int phases) {
        plan.set(now -> Schedules.proposal(now, steps, now.plusSeconds(validSeconds), phases));
    }

    public String url() {
        return server.baseUrl() + "/fleet";
    }

    /** The forwarding requests received, as JSON. */
    public List<JsonNode> requests() {
        return server.received().stream().map(r -> {
            try {
                return Http.JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
