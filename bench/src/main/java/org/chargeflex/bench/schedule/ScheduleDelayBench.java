package org.chargeflex.bench.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.ChargingRig;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.CioBackend;
import org.chargeflex.systemtest.harness.FleetStandIn;
import org.chargeflex.systemtest.harness.Http;
import org.chargeflex.systemtest.harness.Schedules.Step;
import org.chargeflex.systemtest.harness.Workspace;

/**
 * Issue 4: the delay from a new schedule at the CIO to the changed PWM limit at the board.
 *
 * <p>Runs the real components with the system-tests harness (test-jar of {@code system-tests}, no copies): the CIO
 * backend jar as a child process (HTTPS, embedded PostgreSQL) with the fleet stand-in it forwards charging requests
 * to, one station firmware child process (M3B driver, charging application, CIO client) and the M3B simulator in this
 * JVM. An EV is plugged in and a session starts at 16 A; then {@code N} times the fleet service changes its plan
 * (alternating 8 A / 16 A) and the session is re-planned through the CIO (the station's own charging request posted
 * again, as in {@code ChargingWithCioIT.aScheduleUpdateMidSessionReachesTheBoard}). Measured: from the CIO's HTTP
 * answer accepting the new schedule (200 with a new schedule id) to the first moment the simulated board advertises
 * the new level (±0.5 A), polling the simulator every 1 ms.
 *
 * <p>The station only learns of a new schedule at its next conditional (ETag) poll, every
 * {@code pollIntervalSeconds} of the current schedule (CIO property {@code cio.schedule.poll-interval}, default 60 s),
 * and the charging application applies it at its next tick ({@code tickMillis} of the outlet configuration). To not
 * synchronise with the poll (a re-plan right after the change was seen would always wait a whole interval), the bench
 * waits a random 0..interval after each change before the next re-plan ({@code -Dbench.randomPhase=false} turns that
 * off). It runs once per poll interval given (default {@code 1s,60s}: a short one and the CIO default); with the
 * random phase a run takes about N poll intervals (N=20 at 60 s: some 20 minutes).
 *
 * <p>Run (from the repository root, after building the CIO jar and station distribution once):
 * <pre>
 * mvn -q -DskipTests install    # or only: mvn -q -o -pl system-tests install -DskipTests &amp;&amp; mvn -q -o -pl bench install
 * mvn -q -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) org.chargeflex.bench.schedule.ScheduleDelayBench [N] [intervals]
 * </pre>
 * e.g. {@code ... ScheduleDelayBench 20 1s,60s}. System properties (defaults relative to the repository root):
 * {@code cio.jar} (system-tests/target/cio/cio-backend.jar), {@code station.dist}
 * (station-osgi/distribution/target/chargeflex-station), {@code work.dir} (bench/target/schedule-delay-work; logs of
 * the CIO and station stay there). Lines starting with {@code |} are Markdown table rows for bench/RESULTS.md.
 */
public final class ScheduleDelayBench {
    static final String STATION_ID = "ST-BENCH-1";
    static final double FALLBACK_A = 6;
    static final long MAX_OFFLINE_S = 120;
    static final double[] LEVELS = {8, 16};

    private ScheduleDelayBench() {
    }

    /** One configuration's results. */
    record Result(String pollInterval, String tickMillis, int n, long[] delaysMicros) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> intervals = Arrays.asList((args.length > 1 ? args[1] : "1s,60s").split(","));
        defaultProperty("cio.jar", "system-tests/target/cio/cio-backend.jar");
        defaultProperty("station.dist", "station-osgi/distribution/target/chargeflex-station");
        defaultProperty("work.dir", "bench/target/schedule-delay-work");
        boolean randomPhase = Boolean.parseBoolean(System.getProperty("bench.randomPhase", "true"));

        List<Result> results = new ArrayList<>();
        for (String interval : intervals) {
            results.add(run(n, interval.trim(), randomPhase));
        }
        System.out.println();
        System.out.println("## Schedule delay: new schedule at the CIO -> PWM limit at the board (ScheduleDelayBench, "
                + "random poll phase " + randomPhase + ")");
        System.out.println();
        System.out.println("| poll interval (cio.schedule.poll-interval) | app tickMillis | N | min ms | p50 ms | p90 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            long[] d = r.delaysMicros().clone();
            Arrays.sort(d);
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |",
                    r.pollInterval(), r.tickMillis(), d.length, d[0] / 1e3, pct(d, 50) / 1e3, pct(d, 90) / 1e3,
                    d[d.length - 1] / 1e3));
        }
        System.exit(0); // the harness' HTTP clients and stub server leave non-daemon threads
    }

    static Result run(int n, String pollInterval, boolean randomPhase) throws Exception {
        Path work = Workspace.fresh("ScheduleDelayBench-" + pollInterval);
        try (CioBackend cio = CioBackend.prepare(work.resolve("cio")).withTls()
                .property("cio.schedule.poll-interval", pollInterval);
                FleetStandIn fleet = new FleetStandIn()) {
            CompletableFuture<CioBackend> cioUp = CompletableFuture.supplyAsync(cio::start);
            try (ChargingRig rig = ChargingRig.start(work.resolve("station"), FALLBACK_A, MAX_OFFLINE_S)) {
                cioUp.join();
                CioAdmin admin = new CioAdmin(cio);
                admin.registerStation(STATION_ID, null, 22_000, List.of("1"));
                String secret = admin.issueStationCredential(STATION_ID);
                admin.registerFleetService(fleet.url(), ChargingRig.RFID);
                rig.connectCio(cio.baseUrl(), STATION_ID, secret, cio.tls());
                Await.until("the outlet is idle", Duration.ofSeconds(30),
                        () -> "IDLE".equals(rig.channel("outlet1/session/state").asText()));
                String tick = setting(rig.station.home().resolve("conf/org.chargeflex.station.charging.outlet-1.cfg"),
                        "tickMillis");
                Duration poll = Duration.parse("PT" + pollInterval.toUpperCase(Locale.ROOT));
                Duration deadline = poll.multipliedBy(2).plusSeconds(20);

                fleet.answerSteps(List.of(new Step(0, 16)), 600, 3);
                rig.plugIn();
                rig.awaitLimit("first schedule", 16, Duration.ofSeconds(30));
                System.out.printf(Locale.ROOT, "# poll interval %s (schedule says pollIntervalSeconds=%s), app "
                        + "tickMillis=%s, N=%d; session %s charging at 16 A%n", pollInterval,
                        pollSeconds(cio, admin, rig), tick, n, rig.channel("outlet1/session/session_id").asText());

                long[] delays = new long[n];
                for (int i = 0; i < n; i++) {
                    if (randomPhase) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, poll.toMillis())));
                    }
                    double level = LEVELS[i % LEVELS.length];
                    fleet.answerSteps(List.of(new Step(0, level)), 600, 3);
                    JsonNode stationRequest = fleet.requests().get(fleet.requests().size() - 1).get("request");
                    Http.Response replan = cio.as(STATION_ID, secret)
                            .post("/api/v1/stations/" + STATION_ID + "/charging-requests", stationRequest.toString());
                    long accepted = System.nanoTime();
                    if (replan.status() != 200) {
                        throw new IllegalStateException("re-plan refused: " + replan);
                    }
                    long end = accepted + deadline.toNanos();
                    while (Math.abs(rig.pwm.current() - level) > ChargingRig.TOLERANCE_A) {
                        if (System.nanoTime() > end) {
                            throw new IllegalStateException("the board did not change to " + level + " A within "
                                    + deadline + " (now " + rig.pwm.current() + " A)");
                        }
                        LockSupport.parkNanos(1_000_000);
                    }
                    delays[i] = (System.nanoTime() - accepted) / 1_000;
                    System.out.printf(Locale.ROOT, "#   %2d: %4.1f A after %8.1f ms (schedule %s)%n", i + 1, level,
                            delays[i] / 1e3, replan.json().path("scheduleId").asText());
                }
                return new Result(pollInterval, tick, n, delays);
            }
        }
    }

    /** The poll interval the CIO puts into the session's schedule, as the station received it (best effort). */
    static String pollSeconds(CioBackend cio, CioAdmin admin, ChargingRig rig) {
        try {
            JsonNode s = admin.session(STATION_ID, rig.channel("outlet1/session/session_id").asText());
            JsonNode first = s.path("schedules").path(0);
            return first.has("pollIntervalSeconds") ? first.get("pollIntervalSeconds").asText() : "?";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    static String setting(Path cfg, String key) throws IOException {
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "?";
    }

    /** The p-th percentile (nearest rank) of sorted values; shared with the other end-to-end benches. */
    public static long pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** Sets a system property to the absolute form of a path unless it is set; shared with the other benches. */
    public static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Path.of(value).toAbsolutePath().toString());
        }
    }
}
