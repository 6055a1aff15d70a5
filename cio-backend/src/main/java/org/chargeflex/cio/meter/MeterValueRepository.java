package org.chargeflex.cio.meter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.MeterValue;
import org.chargeflex.cio.contract.MeterValueBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Meter values (table {@code meter_values}), stored once per (station, sequence number). */
@Repository
public class MeterValueRepository {
    private static final String INSERT = """
            INSERT INTO meter_values (station_id, sequence_number, outlet_id, session_id, measured_at, energy_wh, power_w,
                                      current_l1_a, current_l2_a, current_l3_a)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (station_id, sequence_number) DO NOTHING""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    MeterValueRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** A stored value as the admin API shows it. */
    public record StoredMeterValue(String stationId, long sequenceNumber, String outletId, String sessionId,
            Instant measuredAt, double energyWh, double powerW, Double currentL1A, Double currentL2A, Double currentL3A) {
    }

    /**
     * Inserts the batch in one round trip; values whose (station, sequence number) is stored already are skipped.
     *
     * @return how many values were new
     */
    @Transactional
    public int insert(MeterValueBatch batch) {
        List<MeterValue> items = batch.items();
        int[][] counts = jdbcTemplate.batchUpdate(INSERT, items, items.size(), (PreparedStatement ps, MeterValue v) -> {
            ps.setString(1, batch.stationId());
            ps.setLong(2, v.sequenceNumber());
            ps.setString(3, v.outletId());
            ps.setString(4, v.sessionId());
            ps.setTimestamp(5, Timestamp.from(v.timestamp()));
            ps.setDouble(6, v.energyWh());
            ps.setDouble(7, v.powerW());
            for (int phase = 0; phase < 3; phase++) {
                List<Double> currents = v.phaseCurrentsA();
                if (currents != null && phase < currents.size()) {
                    ps.setDouble(8 + phase, currents.get(phase));
                } else {
                    ps.setNull(8 + phase, Types.DOUBLE);
                }
            }
        });
        int stored = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                stored += c > 0 ? 1 : 0;
            }
        }
        return stored;
    }

    /** Values of a station in [from, to), oldest first; {@code outletId} null for all outlets. */
    public List<StoredMeterValue> find(String stationId, String outletId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT * FROM meter_values
                WHERE station_id = :station AND (CAST(:outlet AS varchar) IS NULL OR outlet_id = :outlet)
                  AND measured_at >= :from AND measured_at < :to
                ORDER BY measured_at, sequence_number LIMIT :limit""")
                .param("station", stationId).param("outlet", outletId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, n) -> value(rs)).list();
    }

    /** The newest value of each outlet of a station. */
    public List<StoredMeterValue> latestPerOutlet(String stationId) {
        return jdbc.sql("""
                SELECT DISTINCT ON (outlet_id) * FROM meter_values WHERE station_id = ?
                ORDER BY outlet_id, measured_at DESC, sequence_number DESC""")
                .param(stationId).query((rs, n) -> value(rs)).list();
    }

    private static StoredMeterValue value(ResultSet rs) throws SQLException {
        return new StoredMeterValue(rs.getString("station_id"), rs.getLong("sequence_number"), rs.getString("outlet_id"),
                rs.getString("session_id"), rs.getTimestamp("measured_at").toInstant(), rs.getDouble("energy_wh"),
                rs.getDouble("power_w"), rs.getObject("current_l1_a", Double.class),
                rs.getObject("current_l2_a", Double.class), rs.getObject("current_l3_a", Double.class));
    }
}
