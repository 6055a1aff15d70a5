package org.chargeflex.cio.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.chargeflex.cio.grid.GridCommand.Action;
import org.chargeflex.cio.grid.GridCommand.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only command log (table {@code grid_commands}) and the stations' emergency writes per command. */
@Repository
class CommandLogRepository {
    static final int MAX_TARGET = 200;
    static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;

    CommandLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a command asked for and who asked. */
    record Command(Action action, CurtailmentScope scope, String target, Double limitW, boolean emergency,
            String origin, String requestedBy) {
    }

    /** A fresh id for an applied command, taken before its row is written (its curtailment row names it). */
    long nextId() {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('grid_commands', 'id'))").query(Long.class).single();
    }

    /** Appends an entry; {@code id} from {@link #nextId()}, or {@code null} for a new one. @return its id */
    long append(Long id, Command c, Outcome outcome, String detail, Double effectiveLimitW, Integer replannedSessions) {
        return jdbc.sql("""
                INSERT INTO grid_commands (id, action, scope, target, limit_w, emergency, origin, requested_by, outcome,
                                           detail, effective_limit_w, replanned_sessions)
                VALUES (coalesce(?, nextval(pg_get_serial_sequence('grid_commands', 'id'))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""")
                .params(id, c.action().name(), c.scope().name(), cut(c.target(), MAX_TARGET), finiteOrNull(c.limitW()),
                        c.emergency(), c.origin(), c.requestedBy(), outcome.name(), cut(detail, MAX_DETAIL),
                        effectiveLimitW, replannedSessions)
                .query(Long.class).single();
    }

    void appendWrite(long commandId, String stationId, double valueW, boolean delivered, String detail) {
        jdbc.sql("""
                INSERT INTO grid_emergency_writes (command_id, station_id, value_w, delivered, detail)
                VALUES (?, ?, ?, ?, ?)""")
                .params(commandId, stationId, valueW, delivered, cut(detail, MAX_DETAIL)).update();
    }

    /** The newest {@code limit} entries, newest first. */
    List<GridCommand> newest(int limit) {
        return jdbc.sql("""
                SELECT c.*, (SELECT bool_and(w.delivered) FROM grid_emergency_writes w WHERE w.command_id = c.id) AS delivered
                FROM grid_commands c ORDER BY c.id DESC LIMIT ?""")
                .param(limit).query((rs, n) -> command(rs)).list();
    }

    private static GridCommand command(ResultSet rs) throws SQLException {
        return new GridCommand(rs.getLong("id"), rs.getTimestamp("at").toInstant(), Action.valueOf(rs.getString("action")),
                CurtailmentScope.valueOf(rs.getString("scope")), rs.getString("target"),
                rs.getObject("limit_w", Double.class), rs.getBoolean("emergency"), rs.getString("origin"),
                rs.getString("requested_by"), Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                rs.getObject("effective_limit_w", Double.class), rs.getObject("replanned_sessions", Integer.class),
                rs.getObject("delivered", Boolean.class));
    }

    /** NaN and infinities are refused commands' values; the log keeps them as "none" (the detail says what came). */
    private static Double finiteOrNull(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
