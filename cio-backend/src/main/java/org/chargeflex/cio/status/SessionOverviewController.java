package org.chargeflex.cio.status;

import java.util.List;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.StoredSchedule;
import org.chargeflex.cio.session.ChargingSession;
import org.chargeflex.cio.session.SessionRepository;
import org.chargeflex.cio.system.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: sessions and their schedules. */
@RestController
class SessionOverviewController {
    static final int MAX_ROWS = 1000;

    private final SessionRepository sessions;
    private final ScheduleRepository schedules;

    SessionOverviewController(SessionRepository sessions, ScheduleRepository schedules) {
        this.sessions = sessions;
        this.schedules = schedules;
    }

    /** A session with every version of its schedule, oldest first (the last is current). */
    record SessionDetails(ChargingSession session, List<StoredSchedule> schedules) {
    }

    @GetMapping("/api/v1/admin/sessions")
    List<ChargingSession> list(@RequestParam(required = false) String stationId,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw Problems.invalid("limit must be 1 to " + MAX_ROWS + ", was " + limit);
        }
        return sessions.list(stationId, open, limit);
    }

    @GetMapping("/api/v1/admin/stations/{stationId}/sessions/{sessionId}")
    SessionDetails get(@PathVariable String stationId, @PathVariable String sessionId) {
        ChargingSession session = sessions.find(stationId, sessionId)
                .orElseThrow(() -> Problems.notFound("session", stationId + "/" + sessionId));
        return new SessionDetails(session, schedules.history(stationId, sessionId));
    }
}
