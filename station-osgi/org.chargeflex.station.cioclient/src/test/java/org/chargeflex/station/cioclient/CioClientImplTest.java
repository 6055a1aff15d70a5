package org.chargeflex.station.cioclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.MeterReading;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.chargeflex.station.cioclient.api.SessionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a stand-in CIO over HTTP: schedules, ETags, retries, the outbox delivery. */
class CioClientImplTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final String SCHEDULE = """
            {"scheduleId":"sch-1","sessionId":"s1","startTime":"2026-11-25T08:00:00Z",
             "periods":[{"offsetSeconds":0,"maxPowerW":11000},{"offsetSeconds":900,"maxPowerW":4140}],
             "validUntil":"2026-11-25T12:00:00Z","pollIntervalSeconds":60,"futureField":true}""";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    StandInCio cio;
    CioClientImpl client;

    @BeforeEach
    void setUp() throws Exception {
        cio = new StandInCio();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.stop();
        }
        cio.close();
    }

    ClientSettings settings(int attempts, long maxPending) {
        return new ClientSettings(cio.base(), "ST-1", "s3cret", null, new char[0], "PKCS12", Duration.ofSeconds(2),
                Duration.ofSeconds(2), attempts, 10, 50, dir.resolve("outbox/ST-1"), maxPending, 4096, 5);
    }

    CioClientImpl start(ClientSettings s) throws Exception {
        CioClientImpl c = new CioClientImpl();
        c.start(s);
        return c;
    }

    static ChargingRequest request() {
        return new ChargingRequest("ST-1", "1", "s1", new UserIdentification(UserIdentification.Type.RFID, "04A1B2"),
                new EvParameters(10000, null, null, 16.0, 6.0, 3, T0.plusSeconds(3600)), null);
    }

    @Test
    void aChargingRequestIsPostedWithTheStationCredentialAndTheScheduleComesBackWithItsEtag() throws Exception {
        cio.handler(r -> new StandInCio.Reply(200, "\"sch-1\"", SCHEDULE));
        client = start(settings(1, 100));
        ScheduleResponse s = client.requestSchedule(request());
        assertThat(s.etag()).isEqualTo("\"sch-1\"");
        assertThat(s.schedule().periods()).hasSize(2);
        assertThat(s.schedule().maxPowerAt(T0.plusSeconds(1000)).getAsDouble()).isEqualTo(4140);

        StandInCio.Request r = cio.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v1/stations/ST-1/charging-requests");
        assertThat(r.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ST-1:s3cret".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("sessionId").asText()).isEqualTo("s1");
        assertThat(body.at("/user/type").asText()).isEqualTo("RFID");
        assertThat(body.at("/ev/plannedDeparture").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(body.at("/ev/maxCurrentA").asDouble()).isEqualTo(16.0);
        assertThat(body.has("managementServiceUrl")).as("absent optional fields are left out").isFalse();
        assertThat(body.at("/ev").has("maxPowerW")).isFalse();
    }

    @Test
    void aPollSendsIfNoneMatchAnd304MeansUnchanged() throws Exception {
        cio.handler(r -> "\"sch-1\"".equals(r.ifNoneMatch()) ? new StandInCio.Reply(304, "\"sch-1\"", null)
                : new StandInCio.Reply(200, "\"sch-1\"", SCHEDULE));
        client = start(settings(1, 100));
        Optional<ScheduleResponse> first = client.pollSchedule("s1", null);
        assertThat(first).isPresent();
        assertThat(client.pollSchedule("s1", first.get().etag())).isEmpty();
        assertThat(cio.requests).extracting(StandInCio.Request::path)
                .containsOnly("/api/v1/stations/ST-1/sessions/s1/schedule");
        assertThat(cio.requests.get(1).ifNoneMatch()).isEqualTo("\"sch-1\"");
    }

    @Test
    void aScheduleThatBreaksTheContractIsMalformed() throws Exception {
        client = start(settings(1, 100));
        cio.handler(r -> StandInCio.Reply.json(200, SCHEDULE.replace("\"offsetSeconds\":0", "\"offsetSeconds\":5")));
        assertThatThrownBy(() -> client.pollSchedule("s1", null)).isInstanceOfSatisfying(CioException.class, e -> {
            assertThat(e.kind()).isEqualTo(CioException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("periods[0].offsetSeconds must be 0");
        });
        cio.handler(r -> StandInCio.Reply.json(200, "{\"scheduleId\":"));
        assertThatThrownBy(() -> client.pollSchedule("s1", null)).isInstanceOfSatisfying(CioException.class,
                e -> assertThat(e.kind()).isEqualTo(CioException.Kind.MALFORMED));
        cio.handler(r -> StandInCio.Reply.json(200, SCHEDULE.replace("\"sessionId\":\"s1\"", "\"sessionId\":\"s2\"")));
        assertThatThrownBy(() -> client.pollSchedule("s1", null)).isInstanceOfSatisfying(CioException.class,
                e -> assertThat(e.getMessage()).contains("for session 's2'"));
    }

    @Test
    void transientFailuresAreRetriedAndRefusalsAreNot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        cio.handler(r -> calls.incrementAndGet() < 3 ? StandInCio.Reply.json(503, "{}")
                : new StandInCio.Reply(200, "\"sch-1\"", SCHEDULE));
        client = start(settings(3, 100));
        assertThat(client.requestSchedule(request()).schedule().scheduleId()).isEqualTo("sch-1");
        assertThat(calls).hasValue(3);

        cio.handler(r -> {
            calls.incrementAndGet();
            return StandInCio.Reply.json(401, "{\"title\":\"Unauthorized\"}");
        });
        assertThatThrownBy(() -> client.requestSchedule(request())).isInstanceOfSatisfying(CioException.class, e -> {
            assertThat(e.kind()).isEqualTo(CioException.Kind.REFUSED);
            assertThat(e.status()).isEqualTo(401);
        });
        assertThat(calls).hasValue(4);
    }

    @Test
    void anUnreachableCioIsUnreachable() throws Exception {
        client = start(settings(2, 100));
        cio.close();
        assertThatThrownBy(() -> client.pollSchedule("s1", null)).isInstanceOfSatisfying(CioException.class,
                e -> assertThat(e.kind()).isEqualTo(CioException.Kind.UNREACHABLE));
    }

    @Test
    void theOutboxDeliversInOrderExactlyOnceAcrossOutagesAndLostAnswers() throws Exception {
        Set<Long> stored = ConcurrentHashMap.newKeySet();
        List<Long> order = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger(4);
        cio.handler(r -> {
            if (failures.getAndDecrement() > 0) {
                return StandInCio.Reply.json(503, "{}");
            }
            List<Long> seqs = sequenceNumbers(r.body());
            synchronized (order) {
                for (long s : seqs) {
                    if (stored.add(s)) {
                        order.add(s);
                    }
                }
            }
            return StandInCio.Reply.json(r.path().endsWith("session-records") ? 201 : 200, "{}");
        });
        client = start(settings(1, 1000));
        client.enqueueSessionRecord(new SessionEvent(SessionRecord.Kind.START, "s1", "1",
                new UserIdentification(UserIdentification.Type.RFID, "04A1"), T0, 100, null, null));
        for (int i = 0; i < 12; i++) {
            client.enqueueMeterValue(new MeterReading(T0.plusSeconds(i), "1", "s1", 100 + i, 11000, List.of(16.0),
                    i == 0));
        }
        client.enqueueSessionRecord(new SessionEvent(SessionRecord.Kind.STOP, "s1", "1",
                new UserIdentification(UserIdentification.Type.RFID, "04A1"), T0, 100, T0.plusSeconds(20), 111.0));
        awaitTrue(() -> client.outboxStatus().pending() == 0);
        assertThat(order).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 13).boxed().toList());
        assertThat(client.outboxStatus().deliveredSequence()).isEqualTo(13);
        assertThat(cio.requestsTo("meter-values")).allSatisfy(r -> assertThat(sequenceNumbers(r.body()).size())
                .isBetween(1, 5));
        JsonNode stop = JSON.readTree(cio.requestsTo("session-records").get(cio.requestsTo("session-records").size() - 1)
                .body());
        assertThat(stop.get("kind").asText()).isEqualTo("STOP");
        assertThat(stop.get("stationId").asText()).isEqualTo("ST-1");
        assertThat(stop.get("stopEnergyWh").asDouble()).isEqualTo(111.0);
    }

    @Test
    void aStationRestartedMidQueueDeliversTheRestWithoutRepeatingSequenceNumbers() throws Exception {
        cio.handler(r -> StandInCio.Reply.json(503, "{}"));
        client = start(settings(1, 1000));
        for (int i = 0; i < 7; i++) {
            client.enqueueMeterValue(new MeterReading(T0.plusSeconds(i), "1", null, i, 0, null, false));
        }
        client.stop();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        cio.handler(r -> {
            sequenceNumbers(r.body()).forEach(seen::add);
            return StandInCio.Reply.json(200, "{}");
        });
        client = start(settings(1, 1000));
        assertThat(client.enqueueMeterValue(new MeterReading(T0.plusSeconds(9), "1", null, 9, 0, null, false)))
                .isEqualTo(7);
        awaitTrue(() -> client.outboxStatus().pending() == 0);
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void anItemTheCioRefusesAsInvalidIsSetAsideAndTheRestIsDelivered() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        cio.handler(r -> {
            List<Long> seqs = sequenceNumbers(r.body());
            if (seqs.contains(2L)) {
                return StandInCio.Reply.json(400, "{\"detail\":\"bad item\"}");
            }
            seen.addAll(seqs);
            return StandInCio.Reply.json(200, "{}");
        });
        client = start(settings(1, 1000));
        for (int i = 0; i < 5; i++) {
            client.enqueueMeterValue(new MeterReading(T0.plusSeconds(i), "1", null, i, 0, null, false));
        }
        awaitTrue(() -> client.outboxStatus().pending() == 0);
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 3L, 4L);
        assertThat(client.outboxStatus().rejectedItems()).isEqualTo(1);
    }

    @Test
    void invalidConfigurationsAreRefusedNamingEveryProblem() {
        Config c = ConfigValues.of(Map.of("baseUrl", "http://cio.example", "stationId", "bad id"));
        assertThatThrownBy(() -> ClientSettings.from(c, dir.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http").hasMessageContaining("stationId")
                .hasMessageContaining("there is no default credential");
    }

    static List<Long> sequenceNumbers(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            List<Long> out = new ArrayList<>();
            if (n.has("items")) {
                n.get("items").forEach(i -> out.add(i.get("sequenceNumber").asLong()));
            } else {
                out.add(n.get("sequenceNumber").asLong());
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
