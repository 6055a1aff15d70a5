package org.chargeflex.bench.cio;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.chargeflex.bench.load.RawRequest;

/**
 * The station API requests, JSON written by hand (the shapes of the cio-contract records) so that building them costs
 * the generator next to nothing; each carries the station's precomputed Basic header. Charging requests and STOP
 * records are {@link RawRequest}s, sent as raw bytes ({@link #bytes}) by the socket generator or as JDK requests
 * ({@link #jdk}); polls and meter batches (the polling test) are JDK requests only.
 */
final class StationMessages {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String STATIONS = "/api/v1/stations/";
    private final String hostPort;
    private final String origin;

    StationMessages(CioProcess cio) {
        this.hostPort = "127.0.0.1:" + cio.port;
        this.origin = "http://" + hostPort;
    }

    /** The request for the JDK's HttpClient. */
    HttpRequest jdk(RawRequest r) {
        return r.httpRequest(origin, TIMEOUT);
    }

    /** The request as raw HTTP/1.1 bytes, for the socket generator. */
    byte[] bytes(RawRequest r) {
        return r.bytes(hostPort);
    }

    /** An EV's parameters: maximum and minimum current per phase, phases, energy still needed, planned departure. */
    record Ev(double maxCurrentA, int phases, double energyDemandWh, Instant plannedDeparture, String rfid) {
    }

    RawRequest chargingRequest(SimStation s, String outlet, String sessionId, Ev ev) {
        String json = String.format(Locale.ROOT, "{\"stationId\":\"%s\",\"outletId\":\"%s\",\"sessionId\":\"%s\","
                + "\"user\":{\"type\":\"RFID\",\"token\":\"%s\"},\"ev\":{\"energyDemandWh\":%.0f,\"maxCurrentA\":%.1f,"
                + "\"minCurrentA\":6.0,\"phases\":%d,\"plannedDeparture\":\"%s\"}}",
                s.id, outlet, sessionId, ev.rfid(), ev.energyDemandWh(), ev.maxCurrentA(), ev.phases(),
                ev.plannedDeparture());
        return post(s, "/charging-requests", json);
    }

    HttpRequest poll(SimStation s, String sessionId, String etag) {
        URI uri = URI.create(origin + STATIONS + s.id + "/sessions/" + sessionId + "/schedule");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Authorization", s.authorization).timeout(TIMEOUT).GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return b.build();
    }

    /** {@code count} values of one outlet, {@code spacing} apart, ending at {@code end}; numbered by the station. */
    HttpRequest meterBatch(SimStation s, String outlet, String sessionId, int count, Instant end, Duration spacing,
            double energyWh, double powerW) {
        StringBuilder json = new StringBuilder(160 + count * 200);
        json.append("{\"stationId\":\"").append(s.id).append("\",\"items\":[");
        for (int i = 0; i < count; i++) {
            Instant t = end.minus(spacing.multipliedBy(count - 1 - i));
            double amps = powerW / 3 / 230.0;
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"sequenceNumber\":%d,\"timestamp\":\"%s\",\"outletId\":\"%s\",\"sessionId\":\"%s\","
                            + "\"energyWh\":%.1f,\"powerW\":%.1f,\"phaseCurrentsA\":[%.2f,%.2f,%.2f]}",
                    s.nextSequence(), t, outlet, sessionId, energyWh + powerW * spacing.toSeconds() / 3600.0 * i,
                    powerW, amps, amps, amps));
        }
        json.append("]}");
        return jdk(post(s, "/meter-values", json.toString()));
    }

    /** The STOP record of a session (it repeats the start fields). */
    RawRequest stopRecord(SimStation s, String outlet, String sessionId, String rfid, Instant start, double startWh,
            Instant stop, double stopWh) {
        String json = String.format(Locale.ROOT, "{\"stationId\":\"%s\",\"sequenceNumber\":%d,\"kind\":\"STOP\","
                + "\"sessionId\":\"%s\",\"outletId\":\"%s\",\"user\":{\"type\":\"RFID\",\"token\":\"%s\"},"
                + "\"startTime\":\"%s\",\"startEnergyWh\":%.1f,\"stopTime\":\"%s\",\"stopEnergyWh\":%.1f}",
                s.id, s.nextSequence(), sessionId, outlet, rfid, start, startWh, stop, stopWh);
        return post(s, "/session-records", json);
    }

    private static RawRequest post(SimStation s, String path, String json) {
        return new RawRequest("POST", STATIONS + s.id + path, Map.of("Authorization", s.authorization,
                "Content-Type", "application/json"), json);
    }
}
