package org.chargeflex.cio.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.Requests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MeterValueIdempotencyTest extends IntegrationTest {

    @Test
    void duplicateMeterBatchIsStoredOnce() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String path = "/api/v1/stations/" + id + "/meter-values";
        Object batch = Requests.meterBatch(id, List.of(Requests.meterValue(1, t, 100, 7000),
                Requests.meterValue(2, t.plusSeconds(10), 120, 7100), Requests.meterValue(3, t.plusSeconds(20), 140, 7200)));

        JsonNode first = api.post(path, station, batch).json();
        JsonNode repeat = api.post(path, station, batch).json();
        JsonNode overlapping = api.post(path, station, Requests.meterBatch(id, List.of(
                Requests.meterValue(3, t.plusSeconds(20), 140, 7200), Requests.meterValue(4, t.plusSeconds(30), 160, 7300))))
                .json();

        assertThat(first.get("stored").asInt()).isEqualTo(3);
        assertThat(repeat.get("stored").asInt()).isZero();
        assertThat(repeat.get("duplicates").asInt()).isEqualTo(3);
        assertThat(overlapping.get("stored").asInt()).isEqualTo(1);
        assertThat(overlapping.get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sequence_number FROM meter_values WHERE station_id = ? ORDER BY 1").param(id)
                .query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void repeatedSequenceNumberKeepsTheFirstValue() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String path = "/api/v1/stations/" + id + "/meter-values";
        api.post(path, station, Requests.meterBatch(id, List.of(Requests.meterValue(7, t, 100, 7000))));
        api.post(path, station, Requests.meterBatch(id, List.of(Requests.meterValue(7, t, 999, 1))));
        assertThat(jdbc.sql("SELECT energy_wh FROM meter_values WHERE station_id = ? AND sequence_number = 7").param(id)
                .query(Double.class).single()).isEqualTo(100.0);
    }

    @Test
    void invalidBatchIsRefusedWholeAndStoresNothing() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant t = Instant.now();
        Api.Response r = api.post("/api/v1/stations/" + id + "/meter-values", station, Requests.meterBatch(id,
                List.of(Requests.meterValue(1, t, 100, 7000), Requests.meterValue(1, t, 100, 7000))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("sequenceNumber 1 twice");
        assertThat(jdbc.sql("SELECT count(*) FROM meter_values WHERE station_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void operatorReadsMeterValuesAndTheStationStatusShowsTheLatestPower() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        api.post("/api/v1/stations/" + id + "/meter-values", station, Requests.meterBatch(id,
                List.of(Requests.meterValue(1, t, 100, 7000), Requests.meterValue(2, t.plusSeconds(30), 160, 7400))));

        JsonNode values = api.get("/api/v1/admin/stations/" + id + "/meter-values?from=" + t.minusSeconds(1), ADMIN).json();
        assertThat(values.findValuesAsString("outletId")).containsExactly("1", "1");
        assertThat(values.get(1).get("currentL3A").asDouble()).isEqualTo(9.9);

        JsonNode all = api.get("/api/v1/admin/station-status", ADMIN).json();
        JsonNode mine = null;
        for (JsonNode s : all) {
            if (s.get("stationId").asString().equals(id)) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("measuredPowerW").asDouble()).isEqualTo(7400.0);
        assertThat(mine.get("online").asBoolean()).isTrue();
    }
}
