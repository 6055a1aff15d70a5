package org.chargeflex.systemtest.harness;

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

/**
 * Read-only look into the running CIO's embedded PostgreSQL (its port is in {@code postmaster.pid} of the data
 * directory; the embedded server trusts local connections as {@code postgres}), to check what the CIO stored.
 */
public final class CioDatabase {
    private final Path dataDirectory;

    public CioDatabase(CioBackend cio) {
        this.dataDirectory = cio.work().resolve("postgres");
    }

    /** The sequence numbers the CIO stored for a station in {@code table} (meter_values or session_records). */
    public List<Long> sequenceNumbers(String table, String stationId) {
        if (!table.equals("meter_values") && !table.equals("session_records")) {
            throw new IllegalArgumentException(table);
        }
        return longs("SELECT sequence_number FROM " + table + " WHERE station_id = ? ORDER BY sequence_number", stationId);
    }

    /** How many meter values of the station share an (outlet, timestamp) with another one: a sample stored twice. */
    public long meterValuesStoredTwice(String stationId) {
        return longs("SELECT count(*) - count(DISTINCT (outlet_id, measured_at)) FROM meter_values WHERE station_id = ?",
                stationId).get(0);
    }

    private List<Long> longs(String sql, String param) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private String jdbcUrl() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("the CIO's PostgreSQL is not running", e);
        }
    }
}
