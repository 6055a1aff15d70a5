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
    private HttpServer http;
    private CioClient client;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
        client = CioClient.builder().baseUri(URI.create("http://127.0.0.1:" + http.getAddress().getPort()))
                .credentials("dno", "secret".toCharArray()).timeout(java.time.Duration.ofSeconds(1)).build();
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
    void plannedLimitOfAStationWithItsOwnGridConnectionPointSetsThatPointsLimit() throws Exception {
        answers.put("GET /api/v1/admin/grid-connection-points/gcp-1", "{\"id\":\"gcp-1\",\"name\":\"Feeder 1\",\"maxPowerW\":50000}");
        answers.put("PUT /api/v1/admin/grid-connection-points/gcp-1", "{}");
        CioStationSource source = new CioStationSource(client, ChannelMap.defaults(), Clock.systemUTC());
        List<StationInfo> registry = source.stations();
        CioCurtailmentSink sink = new CioCurtailmentSink(client, ChannelMap.defaults());

        assertThat(sink.applyPlanned(curtailment("st:1", 8000), registry.get(0))).isTrue();
        assertThat(requests).anyMatch(r -> r.startsWith("PUT /api/v1/admin/grid-connection-points/gcp-1 ")
                && r.contains("\"maxPowerW\":8000.0") && r.contains("\"name\":\"Feeder 1\""));
        // st-2 shares gcp-2 with st-3: the CIO has no input for it
        assertThat(sink.applyPlanned(curtailment("st-2", 8000), registry.get(1))).isFalse();
    }

    @Test
    void directLimitWritesEachOutletsCurrentLimitThroughTheCio() throws Exception {
        answers.put("PUT /api/v1/admin/stations/st%3A1/channels/outlet1/current_limit", "{\"accepted\":true}");
        answers.put("PUT /api/v1/admin/stations/st%3A1/channels/outlet2/current_limit", "{\"accepted\":true}");
        CioStationSource source = new CioStationSource(client, ChannelMap.defaults(), Clock.systemUTC());
        StationInfo st1 = source.stations().get(0);
        CioCurtailmentSink sink = new CioCurtailmentSink(client, ChannelMap.defaults());
        sink.applyEmergency(curtailment("st:1", 5000), st1, new java.util.LinkedHashMap<>(Map.of("1", 6.5, "2", 0.0)));
        assertThat(requests).anyMatch(r -> r.startsWith("PUT /api/v1/admin/stations/st%3A1/channels/outlet1/current_limit ")
                && r.contains("{\"record\":{\"value\":6.5}}"));
        assertThat(requests).anyMatch(r -> r.startsWith("PUT /api/v1/admin/stations/st%3A1/channels/outlet2/current_limit ")
                && r.contains("{\"record\":{\"value\":0.0}}"));
    }

    private static Curtailment curtailment(String station, double w) {
        return new Curtailment(station, w, false, "test", NOW);
    }

    private void handle(HttpExchange x) throws IOException {
        String key = x.getRequestMethod() + " " + x.getRequestURI().getRawPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(key + " " + body + " " + x.getRequestHeaders().getFirst("Authorization"));
        String answer = AUTH.equals(x.getRequestHeaders().getFirst("Authorization")) ? answers.get(key) : null;
        int status = answer == null ? (AUTH.equals(x.getRequestHeaders().getFirst("Authorization")) ? 404 : 401) : 200;
        byte[] bytes = (answer == null ? "{\"status\":" + status + "}" : answer).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
