package org.chargeflex.cio.dashboard;

import java.net.URI;
import java.time.Duration;
import org.chargeflex.cio.system.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator dashboard: its page (static, {@code /dashboard/index.html}) and its read-only data. Both need an operator
 * account with a reading role, like the rest of the admin API.
 */
@RestController
class DashboardController {
    static final String PAGE = "/dashboard/index.html";
    static final int MAX_HOURS = 168;
    static final int MAX_SESSIONS = 100;

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    ResponseEntity<Void> page() {
        return ResponseEntity.status(302).location(URI.create(PAGE)).build();
    }

    /**
     * Stations, grid connection points, aggregate power and sessions with schedule and measured power.
     *
     * @param hours    the window of the series, 1 to 168 hours back from now
     * @param sessions at most this many sessions (open first, then the most recently changed), 1 to 100
     * @param session  {@code stationId/sessionId} of a session to include first (the one the operator looks at)
     */
    @GetMapping("/api/v1/admin/dashboard/summary")
    DashboardSummary summary(@RequestParam(defaultValue = "6") int hours, @RequestParam(defaultValue = "20") int sessions,
            @RequestParam(required = false) String session) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw Problems.invalid("hours must be 1 to " + MAX_HOURS + ", was " + hours);
        }
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw Problems.invalid("sessions must be 1 to " + MAX_SESSIONS + ", was " + sessions);
        }
        return dashboard.summary(Duration.ofHours(hours), sessions, session == null ? null : SessionKey.parse(session));
    }
}
