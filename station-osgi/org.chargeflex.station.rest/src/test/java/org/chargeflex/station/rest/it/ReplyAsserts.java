package org.chargeflex.station.rest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions on HTTP replies of the REST API. */
final class ReplyAsserts {
    private ReplyAsserts() {
    }

    /** An RFC 9457 problem with this status, carrying no stack trace. */
    static void assertProblem(Http.Reply r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.has("instance")).as(r.toString()).isTrue();
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    static List<String> labels(JsonNode channels) {
        List<String> out = new ArrayList<>();
        channels.forEach(c -> out.add(c.get("label").asText()));
        return out;
    }

    static JsonNode find(JsonNode channels, String label) {
        for (JsonNode c : channels) {
            if (c.get("label").asText().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + label + " in " + channels);
    }
}
