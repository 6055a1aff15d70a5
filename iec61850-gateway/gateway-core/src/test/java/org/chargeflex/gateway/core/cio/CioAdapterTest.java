package org.chargeflex.gateway.core.cio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.gateway.core.CpState;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;
import org.chargeflex.gateway.core.SinkException;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CIO-backed source and sink against a stand-in of the CIO's admin API over HTTP. */
class CioAdapterTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("dno:secret".getBytes(StandardCharsets.UTF_8));

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private HttpServer http;
    private CioClient client;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
        client = CioClient.builder().baseUri(URI.create("http://127.0.0.1:" + http.getAddress().getPort()))
                .credentials("dno", "secret".toCharArray()).timeout(java.time.Duration.ofSeconds(5)).build();
        answers.put("GET /api/v1/admin/stations", """
                [{"id":"st:1","name":"Depot","gridConnectionPoint":"gcp-1","maxPowerW":22000,"restBaseUrl":null,
                  "hasCredential":true,"hasAccessCredential":true,"lastSeenAt":null,"createdAt":"2026-11-25T09:00:00Z",
                  "outlets":[{"id":"1","maxPowerW":11000,"phases":3},{"id":"2","maxPowerW":11000,"phases":1}]},
                 {"id":"st-2","name":"Yard","gridConnectionPoint":"gcp-2","maxPowerW":11000,"outlets":[]},
                 {"id":"st-3","name":"Yard 2","gridConnectionPoint":"gcp-2","maxPowerW":11000,"outlets":[]}]""");
        answers.put("GET /api/v1/admin/stations/st%3A1/status", """
                {"stationId":"st:1","plannedPowerW":9000,"online":true,"measuredPowerW":7000}""");
        answers.put("GET /api/v1/admin/stations/st%3A1/channels/outlet1", """
                {"channels":[
                 {"label":"outlet1/cp_state","valueType":"STRING","record":{"timestamp":1795575000000,"flag":"VALID","value":"C"}},
                 {"label":"outlet1/power","valueType":"DOUBLE","record":{"timestamp":1795575000000,"flag":"VALID","value":7000.5}},
                 {"label":"outlet1/voltage_l1","valueType":"DOUBLE","record":{"timestamp":1795575001000,"flag":"VALID","value":231}},
                 {"label":"outlet1/energy","valueType":"LONG","record":{"timestamp":1795575000000,"flag":"VALID","value":1234}},
                 {"label":"outlet1/current_l1","valueType":"DOUBLE","record":{"timestamp":1795575000000,"flag":"CONNECTION_EXCEPTION","value":null}}]}""");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void readsTheRegistryAndTheChannelsOfEachOutlet() throws Exception {
        CioStationSource source = new CioStationSource(client, ChannelMap.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        List<StationInfo> stations = source.stations();
        assertThat(stations).hasSize(3);
        StationInfo st1 = stations.get(0);
        assertThat(st1.id()).isEqualTo("st:1");
        assertThat(st1.outlets()).extracting(o -> o.phases()).containsExactly(3, 1);

        StationSnapshot s = source.read(st1);
        assertThat(s.plannedPowerW()).isEqualTo(Reading.good(9000, NOW));
        assertThat(s.online()).isTrue();
        var o1 = s.outlets().get(0);
        assertThat(o1.cpState()).isEqualTo(new CpState('C', Quality.GOOD, Instant.ofEpochMilli(1795575000000L)));
        assertThat(o1.get(Measurand.POWER_W).value()).isEqualTo(7000.5);
        assertThat(o1.get(Measurand.VOLTAGE_L1_V).time()).isEqualTo(Instant.ofEpochMilli(1795575001000L));
        assertThat(o1.get(Measurand.ENERGY_WH).value()).isEqualTo(1234);
        assertThat(o1.get(Measurand.CURRENT_L1_A).quality()).isEqualTo(Quality.INVALID);
        assertThat(o1.get(Measurand.POWER_L2_W)).isEqualTo(Reading.MISSING);
        // outlet 2's directory answers 404: that outlet is invalid, the station is still read
        assertThat(s.outlets().get(1).cpState()).isEqualTo(CpState.UNKNOWN);
        assertThat(requests).allMatch(r -> r.endsWith(AUTH));
    }

    @Test
    void anUnreachableOrRefusingCioIsASourceException() {
        answers.remove("GET /api/v1/admin/stations");
        CioStationSource source = new CioStationSource(client, ChannelMap.defaults(), Clock.systemUTC());
        assertThatThrownBy(source::stations).isInstanceOf(SourceException.class).hasMessageContaining("404");
        http.stop(0);
        assertThatThrownBy(source::stations).isInstanceOf(SourceException.class);
    }

    @Test
    void aCurtailmentIsPutToTheCiosCurtailmentApiWithEmergencyFlagAndOrigin() throws Exception {
        answers.put("PUT /api/v1/admin/grid/curtailments/stations/st%3A1", """
                {"scope":"STATION","target":"st:1","limitW":5000,"effectiveLimitW":5000,"emergency":true,
                 "origin":"iec104","requestedBy":"dno","appliedAt":"2026-11-25T10:00:00Z","replannedSessions":1,
                 "emergencyDelivered":true}""");
        StationInfo st1 = source().stations().get(0);
        CioCurtailmentSink sink = new CioCurtailmentSink(client);

        sink.apply(new Curtailment("st:1", 5000, true, "IEC 104 10.0.0.5:2404 IOA 1900", NOW));

        assertThat(requests).filteredOn(r -> r.startsWith("PUT"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("PUT /api/v1/admin/grid/curtailments/stations/st%3A1 "
                        + "{\"limitW\":5000.0,\"emergency\":true,\"origin\":\"IEC 104 10.0.0.5:2404 IOA 1900\"}");
        assertThat(requests).noneMatch(r -> r.contains("grid-connection-points") || r.contains("/channels/"));
    }

    @Test
    void aRefusedCurtailmentIsFinalAnUnreachableCioOrAnUndeliveredEmergencyIsRetried() throws Exception {
        StationInfo st1 = source().stations().get(0);
        CioCurtailmentSink sink = new CioCurtailmentSink(client);
        answers.put("PUT /api/v1/admin/grid/curtailments/stations/st%3A1", "!400");
        assertThatThrownBy(() -> sink.apply(curtailment("st:1", 5000))).isInstanceOf(SinkException.class)
                .matches(e -> !((SinkException) e).retryable(), "not retryable");
        answers.put("PUT /api/v1/admin/grid/curtailments/stations/st%3A1", "!503");
        assertThatThrownBy(() -> sink.apply(curtailment("st:1", 5000)))
                .matches(e -> ((SinkException) e).retryable(), "retryable");
        answers.put("PUT /api/v1/admin/grid/curtailments/stations/st%3A1",
                "{\"emergency\":true,\"emergencyDelivered\":false}");
        assertThatThrownBy(() -> sink.apply(new Curtailment("st:1", 5000, true, "t", NOW)))
                .matches(e -> ((SinkException) e).retryable(), "retryable");
    }

    @Test
    void aDnoAccountThatMayNotReadChannelsGetsTheCiosMeterValuesAndSessionData() throws Exception {
        answers.remove("GET /api/v1/admin/stations/st%3A1/channels/outlet1");
        forbidden.add("GET /api/v1/admin/stations/st%3A1/channels/outlet1");
        answers.put("GET /api/v1/admin/stations/st%3A1/status", """
                {"stationId":"st:1","plannedPowerW":9000,"online":true,"measuredPowerW":7000,
                 "latestMeterValues":[{"stationId":"st:1","sequenceNumber":7,"outletId":"1","sessionId":"s-1",
                   "measuredAt":"2026-11-25T09:59:58Z","energyWh":1500,"powerW":7000,"currentL1A":10.1,
                   "currentL2A":10.2,"currentL3A":null},
                  {"stationId":"st:1","sequenceNumber":3,"outletId":"2","sessionId":"s-0",
                   "measuredAt":"2026-11-25T08:00:00Z","energyWh":800,"powerW":3000}]}""");
        answers.put("GET /api/v1/admin/sessions", """
                [{"stationId":"st:1","sessionId":"s-1","outletId":"1","energyDemandWh":40000,
                  "plannedDeparture":"2026-11-25T18:00:00Z","state":"CHARGING","updatedAt":"2026-11-25T09:00:00Z"}]""");
        CioStationSource source = source();

        StationSnapshot s = source.read(source.stations().get(0));

        var o1 = s.outlets().get(0);
        assertThat(o1.get(Measurand.POWER_W)).isEqualTo(Reading.good(7000, Instant.parse("2026-11-25T09:59:58Z")));
        assertThat(o1.get(Measurand.CURRENT_L2_A).value()).isEqualTo(10.2);
        assertThat(o1.get(Measurand.CURRENT_L3_A)).isEqualTo(Reading.MISSING);
        assertThat(o1.get(Measurand.ENERGY_WH).value()).isEqualTo(1500);
        assertThat(o1.get(Measurand.EV_ENERGY_REQUEST_WH).value()).isEqualTo(40000);
        assertThat(o1.get(Measurand.EV_DEPARTURE_S).value())
                .isEqualTo(Instant.parse("2026-11-25T18:00:00Z").getEpochSecond());
        assertThat(o1.get(Measurand.EV_SOC_PCT)).as("the CIO has no state of charge").isEqualTo(Reading.MISSING);
        assertThat(o1.hasEvData()).isTrue();
        assertThat(o1.cpState().state()).as("open session drawing power").isEqualTo('C');
        var o2 = s.outlets().get(1);
        assertThat(o2.get(Measurand.POWER_W)).as("no open session: nothing drawn")
                .isEqualTo(Reading.good(0, NOW));
        assertThat(o2.get(Measurand.ENERGY_WH).value()).isEqualTo(800);
        assertThat(o2.cpState()).isEqualTo(CpState.UNKNOWN);
        assertThat(o2.hasEvData()).isFalse();
        assertThat(requests).anyMatch(r -> r.startsWith("GET /api/v1/admin/sessions?open=true&limit=1000&stationId=st%3A1 "));

        int before = requests.size();
        source.read(source.stations().get(0));
        assertThat(requests.subList(before, requests.size())).as("channels are not asked for again after a 403")
                .noneMatch(r -> r.contains("/channels/"));
    }

    @Test
    void gridConnectionPointsAreReadAndCurtailedAndLiftsAreDeletesWithOrigin() throws Exception {
        answers.put("GET /api/v1/admin/grid-connection-points", """
                [{"id":"gcp-1","name":"Feeder 1","maxPowerW":50000},{"id":"gcp-2","name":null,"maxPowerW":30000}]""");
        assertThat(source().gridConnectionPoints()).containsExactly(
                new org.chargeflex.gateway.core.GridConnectionPointInfo("gcp-1", "Feeder 1", 50_000),
                new org.chargeflex.gateway.core.GridConnectionPointInfo("gcp-2", "gcp-2", 30_000));
        answers.put("PUT /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1", "{\"limitW\":9000}");
        answers.put("DELETE /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1", "{}");
        CioCurtailmentSink sink = new CioCurtailmentSink(client);
        org.chargeflex.gateway.core.CurtailmentTarget gcp =
                org.chargeflex.gateway.core.CurtailmentTarget.gridConnectionPoint("gcp-1");

        sink.apply(new Curtailment(gcp, 9000, false, "IEC 61850", NOW));
        sink.lift(gcp, "IEC 104 lift");
        sink.lift(org.chargeflex.gateway.core.CurtailmentTarget.station("st:1"), "none there: 404 is fine");

        assertThat(requests).filteredOn(r -> !r.startsWith("GET")).extracting(r -> r.substring(0, r.indexOf(' ',
                r.indexOf(' ') + 1))).containsExactly(
                        "PUT /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1",
                        "DELETE /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1?origin=IEC%20104%20lift",
                        "DELETE /api/v1/admin/grid/curtailments/stations/st%3A1?origin=none%20there%3A%20404%20is%20fine");
        answers.put("PUT /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1", "!422");
        assertThatThrownBy(() -> sink.apply(new Curtailment(gcp, 9000, false, "t", NOW)))
                .matches(e -> !((SinkException) e).retryable(), "refused for good");
        answers.put("DELETE /api/v1/admin/grid/curtailments/grid-connection-points/gcp-1", "!503");
        assertThatThrownBy(() -> sink.lift(gcp, "t")).matches(e -> ((SinkException) e).retryable(), "retryable");
    }

    @Test
    void theCurtailmentsInForceAreReadFromTheCio() throws Exception {
        answers.put("GET /api/v1/admin/grid/curtailments", """
                [{"scope":"STATION","target":"st:1","limitW":5000,"effectiveLimitW":5000,"emergency":true,
                  "origin":"iec104","requestedBy":"dno","appliedAt":"2026-11-25T09:00:00Z"},
                 {"scope":"GRID_CONNECTION_POINT","target":"gcp-1","limitW":30000,"emergency":false,"origin":"op"},
                 {"scope":"SOMETHING_NEW","target":"x","limitW":1}]""");
        assertThat(source().curtailments()).containsExactly(
                new Curtailment("st:1", 5000, true, "iec104", Instant.parse("2026-11-25T09:00:00Z")),
                new Curtailment(org.chargeflex.gateway.core.CurtailmentTarget.gridConnectionPoint("gcp-1"), 30_000,
                        false, "op", NOW));
        answers.put("GET /api/v1/admin/grid/curtailments", "[{\"scope\":\"STATION\",\"target\":\"st:1\"}]");
        assertThatThrownBy(() -> source().curtailments()).isInstanceOf(SourceException.class)
                .hasMessageContaining("malformed");
    }

    private CioStationSource source() {
        return new CioStationSource(client, ChannelMap.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Curtailment curtailment(String station, double w) {
        return new Curtailment(station, w, false, "test", NOW);
    }

    private void handle(HttpExchange x) throws IOException {
        String key = x.getRequestMethod() + " " + x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(key + (query == null ? "" : "?" + query) + " " + body + " "
                + x.getRequestHeaders().getFirst("Authorization"));
        boolean authorised = AUTH.equals(x.getRequestHeaders().getFirst("Authorization"));
        String answer = authorised ? answers.get(key) : null;
        int status = answer == null ? (!authorised ? 401 : forbidden.contains(key) ? 403 : 404) : 200;
        if (answer != null && answer.startsWith("!")) {
            status = Integer.parseInt(answer.substring(1));
            answer = null;
        }
        byte[] bytes = (answer == null ? "{\"status\":" + status + "}" : answer).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
