package org.chargeflex.station.rest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.chargeflex.station.rest.it.ReplyAsserts.assertProblem;
import static org.chargeflex.station.rest.it.ReplyAsserts.find;
import static org.chargeflex.station.rest.it.ReplyAsserts.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.chargeflex.station.rest.auth.PasswordHasher;
import org.chargeflex.station.rest.auth.Role;
import org.chargeflex.station.rest.auth.TokenDigest;
import org.chargeflex.station.rest.auth.UsersFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Starts Apache Felix in-process with SCR, ConfigAdmin, Felix HTTP (Jetty 12), Jackson, the station API and the REST
 * bundle, registers the API bundle's FakeDataAccessService, and talks HTTP to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestServerIT {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    private static final String OPERATOR = Http.basic("operator", "operator-password-1");
    private static final String READER = Http.basic("reader", "reader-password-12");
    private static final String WRITER = Http.basic("writer", "writer-password-12");
    private static final String ADMIN = Http.basic("admin", "admin-password-123");
    private static final String TOKEN = TokenDigest.newToken();

    @TempDir
    static Path home;
    private Path usersFile;
    private FelixRuntime felix;
    private FakeStation station;
    private Http http;
    private Object limit;
    private Object rejecting;
    private Object slow;
    private Object down;

    @BeforeAll
    void start() throws Exception {
        usersFile = home.resolve("conf/users.json");
        writeUsers(List.of());
        felix = new FelixRuntime(home);
        for (Bundle b : felix.installed()) {
            assertThat(b.getState()).as(b.getSymbolicName() + " is active").isEqualTo(Bundle.ACTIVE);
        }
        station = new FakeStation(felix.bundle("org.chargeflex.station.api"));
        Object power = station.add("outlet1/meter/power", "DOUBLE", false);
        station.update(power, 7400.5, 1_000L);
        station.update(station.add("outlet1/cp_state", "STRING", false), "B", 1_000L);
        limit = station.add("outlet1/current_limit", "DOUBLE", true);
        station.add("outlet2/enabled", "BOOLEAN", true);
        station.add("station/counter", "LONG", true);
        station.add("station/frame", "BYTE_ARRAY", true);
        Object energy = station.add("meter/energy", "LONG", false);
        station.update(energy, 100L, 1_000L);
        station.update(energy, 200L, 2_000L);
        station.update(energy, 300L, 3_000L);
        rejecting = station.add("faulty/rejecting", "LONG", true);
        station.setWriteOutcome(rejecting, "DEVICE_REJECTED_VALUE");
        slow = station.add("faulty/slow", "LONG", true);
        station.setWriteOutcome(slow, "TIMEOUT");
        down = station.add("faulty/down", "LONG", true);
        station.setWriteOutcome(down, "DRIVER_UNAVAILABLE");
        station.updateFlag(station.add("faulty/sensor", "DOUBLE", false), "TIMEOUT", 5_000L);
        station.updateFlag(station.add("faulty/offline", "DOUBLE", false), "CONNECTION_EXCEPTION", 5_000L);
        station.register();
        http = new Http(felix.port);
        awaitServing();
    }

    @AfterAll
    void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void listsAllChannelsSortedByLabel() throws Exception {
        Http.Reply r = http.get("/rest/channels", OPERATOR);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        List<String> labels = labels(r.json().get("channels"));
        assertThat(labels).contains("outlet1/meter/power", "station/counter").isSorted();
        JsonNode power = find(r.json().get("channels"), "outlet1/meter/power");
        assertThat(power.get("valueType").asText()).isEqualTo("DOUBLE");
        assertThat(power.get("writable").asBoolean()).isFalse();
        assertThat(power.get("description").asText()).isEqualTo("fake outlet1/meter/power");
        assertThat(power.get("unit").asText()).isEmpty();
        assertThat(power.at("/record/timestamp").asLong()).isEqualTo(1_000L);
        assertThat(power.at("/record/flag").asText()).isEqualTo("VALID");
        assertThat(power.at("/record/value").asDouble()).isEqualTo(7400.5);
    }

    @Test
    void readsOneChannelWithADirectoryLikeLabel() throws Exception {
        Http.Reply r = http.get("/rest/channels/outlet1/meter/power", READER);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("label").asText()).isEqualTo("outlet1/meter/power");
        assertThat(r.json().at("/record/value").asDouble()).isEqualTo(7400.5);
        assertThat(r.json().at("/record/flag").asText()).isEqualTo("VALID");
    }

    @Test
    void answersAPlainReadOfOneChannelExactlyAsJerseyDoes() throws Exception {
        // without a query the servlet answers directly; with one (or another Accept header) Jersey does
        Http.Reply direct = http.get("/rest/channels/outlet1/meter/power", READER);
        Http.Reply jersey = http.get("/rest/channels/outlet1/meter/power?fresh=false", READER);
        assertThat(direct.status()).isEqualTo(200);
        assertThat(jersey.status()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(jersey.body());
        assertThat(direct.contentType()).isEqualTo(jersey.contentType()).isEqualTo("application/json");
        assertThat(direct.headers().firstValue("Content-Length"))
                .isEqualTo(jersey.headers().firstValue("Content-Length"));
        assertThat(http.get("/rest/channels/outlet1/meter/power", READER, "application/json").body())
                .isEqualTo(jersey.body());
        assertProblem(http.get("/rest/channels/outlet1/meter/power", READER, "text/html"), 406);
        assertThat(http.get("/rest/channels/outlet1/meter/power/", READER).body()).isEqualTo(jersey.body());
    }

    @Test
    void listsADirectory() throws Exception {
        Http.Reply r = http.get("/rest/channels/outlet1", READER);
        assertThat(r.status()).isEqualTo(200);
        assertThat(labels(r.json().get("channels")))
                .containsExactly("outlet1/cp_state", "outlet1/current_limit", "outlet1/meter/power");
        assertThat(labels(http.get("/rest/channels/outlet1/meter/", READER).json().get("channels")))
                .containsExactly("outlet1/meter/power");
        assertThat(labels(http.get("/rest/channels/", READER).json().get("channels"))).contains("meter/energy");
        assertThat(http.get("/rest/channels/outlet", READER).status()).as("a directory is a whole path segment")
                .isEqualTo(404);
    }

    @Test
    void answersTheFormOfThePaper() throws Exception {
        Http.Reply r = http.get("/rest/channel/outlet1/cp_state", READER);
        assertThat(r.status()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("label").asText()).isEqualTo("outlet1/cp_state");
        assertThat(a.get(0).get("timestamp").asLong()).isEqualTo(1_000L);
        assertThat(a.get(0).get("flag").asText()).isEqualTo("VALID");
        assertThat(a.get(0).get("value").asText()).isEqualTo("B");
        assertThat(http.get("/rest/channel/nothing/here", READER).status()).isEqualTo(404);
    }

    @Test
    void writesThroughTheDriverAndSaysItWasAccepted() throws Exception {
        Http.Reply r = http.put("/rest/channels/outlet1/current_limit", OPERATOR, "{\"record\":{\"value\":16}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("label").asText()).isEqualTo("outlet1/current_limit");
        assertThat(r.json().get("flag").asText()).isEqualTo("VALID");
        assertThat(r.json().get("accepted").asBoolean()).isTrue();
        assertThat(station.latestValue(limit)).isEqualTo("DoubleValue[value=16.0]");
        Http.Reply read = http.get("/rest/channels/outlet1/current_limit", OPERATOR);
        assertThat(read.json().at("/record/value").asDouble()).isEqualTo(16.0);
    }

    @Test
    void writesEveryValueTypeAndReadsItBack() throws Exception {
        assertThat(http.put("/rest/channels/outlet2/enabled", OPERATOR, "{\"record\":{\"value\":true}}").status())
                .isEqualTo(200);
        assertThat(http.get("/rest/channels/outlet2/enabled", OPERATOR).json().at("/record/value").isBoolean())
                .isTrue();
        assertThat(http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":{\"value\":42}}").status())
                .isEqualTo(200);
        assertThat(http.get("/rest/channels/station/counter", OPERATOR).json().at("/record/value").asLong())
                .isEqualTo(42);
        String frame = Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff});
        assertThat(http.put("/rest/channels/station/frame", ADMIN, "{\"record\":{\"value\":\"" + frame + "\"}}")
                .status()).isEqualTo(200);
        assertThat(http.get("/rest/channels/station/frame", ADMIN).json().at("/record/value").asText())
                .isEqualTo(frame);
    }

    @Test
    void refusesAWriteToAReadOnlyChannelWith405() throws Exception {
        Http.Reply r = http.put("/rest/channels/outlet1/meter/power", OPERATOR, "{\"record\":{\"value\":1.0}}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
        assertProblem(r, 405);
        assertThat(r.json().get("flag").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(r.json().get("accepted").asBoolean()).isFalse();
    }

    @Test
    void refusesAValueOfTheWrongTypeWith400() throws Exception {
        Http.Reply r = http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":{\"value\":\"42\"}}");
        assertProblem(r, 400);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:chargeflex:problem:wrong-value-type");
        assertThat(r.json().get("detail").asText()).contains("LONG");
        assertThat(r.json().get("instance").asText()).isEqualTo("/rest/channels/station/counter");
        assertProblem(http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":{\"value\":4.5}}"), 400);
        assertProblem(http.put("/rest/channels/outlet2/enabled", OPERATOR, "{\"record\":{\"value\":1}}"), 400);
        assertProblem(http.put("/rest/channels/station/frame", OPERATOR, "{\"record\":{\"value\":\"%%\"}}"), 400);
    }

    @Test
    void refusesMalformedJsonAndAMissingValueWith400() throws Exception {
        Http.Reply r = http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":");
        assertProblem(r, 400);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:chargeflex:problem:malformed-json");
        Http.Reply missing = http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":{}}");
        assertProblem(missing, 400);
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:chargeflex:problem:missing-value");
        assertProblem(http.put("/rest/channels/station/counter", OPERATOR, ""), 400);
        assertProblem(http.put("/rest/channels/station/counter", OPERATOR, "{\"record\":{\"value\":null}}"), 400);
    }

    @Test
    void answersUnknownChannelsAndPathsWith404() throws Exception {
        Http.Reply r = http.get("/rest/channels/no/such/channel", OPERATOR);
        assertProblem(r, 404);
        assertThat(r.json().get("type").asText()).isEqualTo("urn:chargeflex:problem:unknown-channel");
        assertProblem(http.put("/rest/channels/no/such/channel", OPERATOR, "{\"record\":{\"value\":1}}"), 404);
        assertProblem(http.get("/rest/nothing", OPERATOR), 404);
    }

    @Test
    void answersAMethodTheResourceDoesNotHaveWith405Problem() throws Exception {
        Http.Reply r = http.send("DELETE", "/rest/channels/station/counter", OPERATOR, null);
        assertProblem(r, 405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void returnsTheHistoryBetweenFromAndUntil() throws Exception {
        Http.Reply r = http.get("/rest/channels/meter/energy/history?from=1500&until=3000", READER);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("label").asText()).isEqualTo("meter/energy");
        JsonNode records = r.json().get("records");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("timestamp").asLong()).isEqualTo(2_000L);
        assertThat(records.get(0).get("value").asLong()).isEqualTo(200L);
        assertThat(records.get(1).get("timestamp").asLong()).isEqualTo(3_000L);
        assertThat(records.get(1).get("flag").asText()).isEqualTo("VALID");
        Http.Reply iso = http.get("/rest/channels/meter/energy/history?from=1970-01-01T00:00:00.500Z"
                + "&until=1970-01-01T00:00:02Z", READER);
        assertThat(iso.json().get("records")).hasSize(2);
        Http.Reply lastHour = http.get("/rest/channels/meter/energy/history", READER);
        assertThat(lastHour.json().get("records")).isEmpty();
        assertThat(lastHour.json().get("until").asLong() - lastHour.json().get("from").asLong())
                .isEqualTo(3_600_000L);
    }

    @Test
    void refusesABadTimeRangeWith400() throws Exception {
        assertProblem(http.get("/rest/channels/meter/energy/history?from=3000&until=1000", READER), 400);
        assertProblem(http.get("/rest/channels/meter/energy/history?from=yesterday", READER), 400);
    }

    @Test
    void refusesRequestsWithoutOrWithWrongCredentialsWith401() throws Exception {
        for (String auth : new String[] {null, Http.basic("operator", "wrong-password-1"),
                Http.basic("nobody", "operator-password-1"), Http.bearer("not-a-token"), "Digest abc"}) {
            Http.Reply r = http.get("/rest/channels", auth);
            assertProblem(r, 401);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"chargeflex-station\", Bearer");
        }
        assertProblem(http.get("/rest/nothing", null), 401);
    }

    @Test
    void refusesWhatTheRolesDoNotAllowWith403() throws Exception {
        Http.Reply put = http.put("/rest/channels/station/counter", READER, "{\"record\":{\"value\":1}}");
        assertProblem(put, 403);
        assertThat(put.json().get("detail").asText()).contains("write");
        assertProblem(http.get("/rest/channels", WRITER), 403);
        assertThat(http.put("/rest/channels/station/counter", WRITER, "{\"record\":{\"value\":7}}").status())
                .isEqualTo(200);
        assertProblem(http.put("/rest/channels/station/counter", Http.bearer(TOKEN), "{\"record\":{\"value\":1}}"),
                403);
    }

    @Test
    void acceptsABearerToken() throws Exception {
        Http.Reply r = http.get("/rest/channels/outlet1/cp_state", Http.bearer(TOKEN));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/record/value").asText()).isEqualTo("B");
    }

    @Test
    void mapsDriverFailureFlagsOnto409And502And504() throws Exception {
        Http.Reply rejected = http.put("/rest/channels/faulty/rejecting", OPERATOR, "{\"record\":{\"value\":1}}");
        assertProblem(rejected, 409);
        assertThat(rejected.json().get("flag").asText()).isEqualTo("DEVICE_REJECTED_VALUE");
        Http.Reply timeout = http.put("/rest/channels/faulty/slow", OPERATOR, "{\"record\":{\"value\":1}}");
        assertProblem(timeout, 504);
        assertThat(timeout.json().get("flag").asText()).isEqualTo("TIMEOUT");
        Http.Reply unavailable = http.put("/rest/channels/faulty/down", OPERATOR, "{\"record\":{\"value\":1}}");
        assertProblem(unavailable, 502);
        assertThat(unavailable.json().get("flag").asText()).isEqualTo("DRIVER_UNAVAILABLE");
        assertThat(unavailable.json().get("accepted").asBoolean()).isFalse();
    }

    @Test
    void mapsAFlaggedFreshReadOnto502Or504() throws Exception {
        Http.Reply timeout = http.get("/rest/channels/faulty/sensor?fresh=true", READER);
        assertProblem(timeout, 504);
        assertThat(timeout.json().get("flag").asText()).isEqualTo("TIMEOUT");
        Http.Reply offline = http.get("/rest/channels/faulty/offline?fresh=true", READER);
        assertProblem(offline, 502);
        assertThat(offline.json().get("flag").asText()).isEqualTo("CONNECTION_EXCEPTION");
        Http.Reply cached = http.get("/rest/channels/faulty/offline", READER);
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.json().at("/record/flag").asText()).isEqualTo("CONNECTION_EXCEPTION");
        assertThat(cached.json().at("/record/value").isNull()).isTrue();
        assertThat(http.get("/rest/channels/outlet1/cp_state?fresh=true", READER).status()).isEqualTo(200);
    }

    @Test
    void answers503WhileNoDataAccessServiceIsThere() throws Exception {
        station.unregister();
        try {
            Http.Reply r = http.get("/rest/channels", READER);
            assertProblem(r, 503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } finally {
            station.register();
        }
        assertThat(http.get("/rest/channels", READER).status()).isEqualTo(200);
    }

    @Test
    void picksUpAChangedUsersFileAtRunTime() throws Exception {
        String late = Http.basic("latecomer", "latecomer-password");
        assertProblem(http.get("/rest/channels", late), 401);
        String rotatingOld = Http.basic("rotating", "rotating-password-old");
        assertThat(http.get("/rest/channels", rotatingOld).status()).isEqualTo(200); // now cached

        writeUsers(List.of(user("latecomer", "latecomer-password", Role.READ),
                user("rotating", "rotating-password-new", Role.READ)));

        Http.Reply r = null;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            r = http.get("/rest/channels", late);
            if (r.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(r).isNotNull();
        assertThat(r.status()).as("the new user is accepted once the file is re-read: " + r).isEqualTo(200);
        assertProblem(http.get("/rest/channels", rotatingOld), 401);
        assertThat(http.get("/rest/channels", Http.basic("rotating", "rotating-password-new")).status())
                .isEqualTo(200);
    }

    private void awaitServing() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = http.get("/rest/channels", OPERATOR);
                if (last.status() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = new Http.Reply(-1, null, e.toString());
            }
            Thread.sleep(100);
        }
        fail("the REST API did not come up; last answer: " + last);
    }

    private void writeUsers(List<UsersFile.User> extra) throws Exception {
        List<UsersFile.User> users = new ArrayList<>(List.of(
                user("operator", "operator-password-1", Role.READ, Role.WRITE),
                user("reader", "reader-password-12", Role.READ),
                user("writer", "writer-password-12", Role.WRITE),
                user("admin", "admin-password-123", Role.ADMIN),
                user("rotating", "rotating-password-old", Role.READ)));
        for (UsersFile.User u : extra) {
            users.removeIf(existing -> existing.name().equals(u.name()));
            users.add(u);
        }
        List<UsersFile.Token> tokens = List.of(new UsersFile.Token("cio", TokenDigest.sha256Hex(TOKEN),
                Set.of(Role.READ)));
        new UsersFile(users, tokens).writeAtomically(usersFile);
        assertThat(Files.exists(usersFile)).isTrue();
    }

    private static UsersFile.User user(String name, String password, Role... roles) {
        return new UsersFile.User(name, HASHER.hash(password.toCharArray()), Set.of(roles));
    }
}
