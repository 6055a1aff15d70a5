package org.chargeflex.cio.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chargeflex.cio.dashboard.DashboardQueries.BucketRow;
import org.chargeflex.cio.dashboard.DashboardQueries.SessionRow;
import org.chargeflex.cio.dashboard.DashboardQueries.StationRow;
import org.chargeflex.cio.dashboard.DashboardSummary.GridPointView;
import org.chargeflex.cio.dashboard.DashboardSummary.PowerPoint;
import org.chargeflex.cio.dashboard.DashboardSummary.PowerSeries;
import org.chargeflex.cio.dashboard.DashboardSummary.SessionView;
import org.chargeflex.cio.dashboard.DashboardSummary.StationView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the dashboard summary from {@link DashboardQueries}. */
@Service
class DashboardService {
    /** About this many buckets per aggregate series, never narrower than a minute. */
    static final int TARGET_BUCKETS = 180;
    static final int MIN_BUCKET_SECONDS = 60;

    private final DashboardQueries queries;
    private final Clock clock;
    private final Duration onlineWindow;

    DashboardService(DashboardQueries queries, Clock clock,
            @Value("${cio.schedule.poll-interval:60s}") Duration pollInterval) {
        this.queries = queries;
        this.clock = clock;
        this.onlineWindow = pollInterval.multipliedBy(3);
    }

    static int bucketSeconds(Duration window) {
        return (int) Math.max(MIN_BUCKET_SECONDS, window.toSeconds() / TARGET_BUCKETS);
    }

    /**
     * The summary over the last {@code window}, with at most {@code sessionLimit} sessions.
     *
     * @param pin a session to include first whatever its age, or {@code null}
     */
    @Transactional(readOnly = true)
    public DashboardSummary summary(Duration window, int sessionLimit, SessionKey pin) {
        Instant to = clock.instant();
        Instant from = to.minus(window);
        int bucket = bucketSeconds(window);
        Instant recent = to.minus(onlineWindow);

        List<StationRow> rows = queries.stations(recent);
        List<StationView> stations = rows.stream()
                .map(s -> new StationView(s.id(), s.name(), s.latitude(), s.longitude(), s.gridConnectionPoint(),
                        s.maxPowerW(), s.lastSeenAt(), s.lastSeenAt() != null && s.lastSeenAt().isAfter(recent),
                        s.openSessions(), s.recentPowerW()))
                .toList();
        List<GridPointView> gridPoints = gridPoints(queries.gridConnectionPoints(), rows);
        List<PowerSeries> series = series(queries.powerBuckets(from, to, bucket), bucket, gridPoints);
        return new DashboardSummary(to, from, to, bucket, stations, gridPoints, series, sessions(from, to, sessionLimit, pin));
    }

    private static List<GridPointView> gridPoints(List<GridPointView> points, List<StationRow> stations) {
        return points.stream().map(g -> {
            List<StationRow> on = stations.stream().filter(s -> g.id().equals(s.gridConnectionPoint())).toList();
            return new GridPointView(g.id(), g.name(), g.maxPowerW(), on.size(),
                    on.stream().mapToDouble(StationRow::recentPowerW).sum());
        }).toList();
    }

    /** One series per grid connection point that has values (in the rows' order), then the total. */
    static List<PowerSeries> series(List<BucketRow> rows, int bucketSeconds, List<GridPointView> gridPoints) {
        Map<String, Double> limits = new LinkedHashMap<>();
        gridPoints.forEach(g -> limits.put(g.id(), g.maxPowerW()));
        Map<String, List<PowerPoint>> byPoint = new LinkedHashMap<>();
        TreeMap<Long, Double> total = new TreeMap<>();
        for (BucketRow row : rows) {
            Instant at = Instant.ofEpochSecond(row.bucket() * bucketSeconds);
            byPoint.computeIfAbsent(row.gridConnectionPoint(), k -> new ArrayList<>()).add(new PowerPoint(at, row.powerW()));
            total.merge(row.bucket(), row.powerW(), Double::sum);
        }
        List<PowerSeries> out = new ArrayList<>();
        byPoint.forEach((gcp, points) -> out.add(new PowerSeries(gcp, false, gcp == null ? null : limits.get(gcp), points)));
        List<PowerPoint> totalPoints = new ArrayList<>();
        total.forEach((b, w) -> totalPoints.add(new PowerPoint(Instant.ofEpochSecond(b * bucketSeconds), w)));
        out.add(new PowerSeries(null, true, null, totalPoints));
        return out;
    }

    private List<SessionView> sessions(Instant from, Instant to, int limit, SessionKey pin) {
        List<SessionRow> rows = queries.sessions(from, limit, pin);
        Map<String, List<ScheduleSteps.Version>> schedules = queries.schedules(from, limit, pin);
        Map<String, List<PowerPoint>> measured = queries.sessionPower(from, to, limit, pin);
        return rows.stream().map(r -> new SessionView(r.stationId(), r.sessionId(), r.outletId(), r.state(),
                r.startedAt(), r.stoppedAt(), r.outletMaxPowerW(),
                ScheduleSteps.effective(schedules.getOrDefault(r.key(), List.of())),
                measured.getOrDefault(r.key(), List.of()))).toList();
    }
}
