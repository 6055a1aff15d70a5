package org.chargeflex.cio.forwarding;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code forwarding_log}: every forwarding attempt and why it was or was not used. */
@Repository
class ForwardingLogRepository {
    static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;

    ForwardingLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(long id, Instant at, String stationId, String sessionId, Long serviceId, String url,
            ForwardingOutcome outcome, String detail, int durationMs) {
    }

    void insert(String stationId, String sessionId, Long serviceId, String url, ForwardingOutcome outcome,
            String detail, long durationMs) {
        String d = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...";
        jdbc.sql("""
                INSERT INTO forwarding_log (station_id, session_id, service_id, url, outcome, detail, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(stationId, sessionId, serviceId, url, outcome.name(), d, (int) Math.min(durationMs, Integer.MAX_VALUE))
                .update();
    }

    /** Newest first; null filters match all. */
    List<Entry> list(String stationId, String sessionId, int limit) {
        return jdbc.sql("""
                SELECT * FROM forwarding_log
                WHERE (CAST(:station AS varchar) IS NULL OR station_id = :station)
                  AND (CAST(:session AS varchar) IS NULL OR session_id = :session)
                ORDER BY id DESC LIMIT :limit""")
                .param("station", stationId).param("session", sessionId).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("station_id"), rs.getString("session_id"), rs.getObject("service_id", Long.class),
                        rs.getString("url"), ForwardingOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                        rs.getInt("duration_ms")))
                .list();
    }
}
