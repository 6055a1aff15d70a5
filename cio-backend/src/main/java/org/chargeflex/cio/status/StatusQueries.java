package org.chargeflex.cio.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.meter.MeterValueRepository.StoredMeterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates over all stations for the status view, each in one query. */
@Repository
class StatusQueries {
    private final JdbcClient jdbc;

    StatusQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Integer> openSessionsPerStation() {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("SELECT station_id, count(*) FROM sessions WHERE state <> 'FINISHED' GROUP BY station_id")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    Map<String, Double> plannedPowerPerStation(Instant now) {
        Map<String, Double> out = new HashMap<>();
        jdbc.sql("""
                SELECT station_id, sum(planned_peak_w) FROM sessions
                WHERE state <> 'FINISHED' AND plan_valid_until > ?
                GROUP BY station_id""")
                .param(Timestamp.from(now))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getDouble(2));
                });
        return out;
    }

    Map<String, List<StoredMeterValue>> latestMeterValuesPerStation() {
        Map<String, List<StoredMeterValue>> out = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (station_id, outlet_id) * FROM meter_values
                ORDER BY station_id, outlet_id, measured_at DESC, sequence_number DESC""")
                .query(rs -> {
                    StoredMeterValue v = new StoredMeterValue(rs.getString("station_id"), rs.getLong("sequence_number"),
                            rs.getString("outlet_id"), rs.getString("session_id"),
                            rs.getTimestamp("measured_at").toInstant(), rs.getDouble("energy_wh"), rs.getDouble("power_w"),
                            rs.getObject("current_l1_a", Double.class), rs.getObject("current_l2_a", Double.class),
                            rs.getObject("current_l3_a", Double.class));
                    out.computeIfAbsent(v.stationId(), k -> new ArrayList<>()).add(v);
                });
        return out;
    }
}
