package org.chargeflex.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the CIO stored, read directly from its embedded PostgreSQL (the port is in {@code postmaster.pid} of the data
 * directory; the embedded server trusts local connections as {@code postgres}): aggregate measured power per
 * interval, and the sequence numbers of the stations' meter values and session records.
 */
final class CioMeterData {
    /** One interval of the aggregate: start (epoch seconds) and the sum over outlets of each outlet's mean power. */
    record Bucket(long startEpochSecond, double powerW) {
    }

    private final Path dataDirectory;

    CioMeterData(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The aggregate power over all stations per {@code seconds}-long interval, oldest first. */
    List<Bucket> aggregate(int seconds) {
        String sql = """
                SELECT b, sum(p) FROM (
                  SELECT station_id, outlet_id, floor(extract(epoch FROM measured_at) / ?) AS b, avg(power_w) AS p
                  FROM meter_values GROUP BY station_id, outlet_id, b) per_outlet
                GROUP BY b ORDER BY b""";
        List<Bucket> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bucket(rs.getLong(1) * seconds, rs.getDouble(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("aggregate power: " + e.getMessage(), e);
        }
    }

    /** Every sequence number the CIO stored for the station (meter values and session records share one sequence). */
    TreeSet<Long> storedSequenceNumbers(String stationId) {
        String sql = "SELECT sequence_number FROM meter_values WHERE station_id = ? "
                + "UNION ALL SELECT sequence_number FROM session_records WHERE station_id = ?";
        TreeSet<Long> out = new TreeSet<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stationId);
            ps.setString(2, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("sequence numbers: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres",
                    "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("the CIO's PostgreSQL is not running", e);
        }
    }
}
