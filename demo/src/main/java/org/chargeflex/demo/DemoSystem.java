package org.chargeflex.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.CioBackend;
import org.chargeflex.systemtest.harness.Http;
import org.chargeflex.systemtest.harness.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the CIO backend jar as a child process on embedded PostgreSQL, one grid connection
 * point shared by N station firmware processes, each on its own simulated M3B board playing the fleet scenario over
 * a compressed day, the grid gateway (unless left out); progress while it runs and a {@link Summary} at the end.
 */
public final class DemoSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSystem.class);
    public static final String GRID_POINT = "DEMO-FEEDER";
    public static final String OPERATOR = "operator";
    /** Allowance over the grid limit for meter sampling: powers are instantaneous samples of noisy voltage x current. */
    public static final double LIMIT_TOLERANCE = 0.03;
    /** Allowance under the feasible energy for the board's whole-Wh meter and the last sample before unplug. */
    public static final double ENERGY_TOLERANCE = 0.03;
    /** Wall-clock time from plug-in to the first schedule being drawn (identification, request, EV reaction). */
    static final long START_LAG_WALL_MS = 4000;
    static final int BUCKET_SECONDS = 2;
    /**
     * Whether the CIO's background re-planner runs (cio.replan.enabled, debounced by {@link DemoOptions#replanDebounce});
     * system property {@code demo.replan} (default true). See demo/README.md ("Time grid, objective and re-planning").
     */
    static final boolean REPLAN = Boolean.parseBoolean(System.getProperty("demo.replan", "true"));
    /** The built CIO jar, as given when the demo started (later replaced by the path of the run's copy). */
    private static final String CIO_JAR = System.getProperty("cio.jar", "cio-backend/target/cio-backend.jar");

    private final DemoOptions options;
    private final FleetPlan plan;
    private final SiteCurves curves;
    private final Path work;
    private final PrintStream out;
    private final List<DemoStation> stations = new ArrayList<>();
    private CioBackend cio;
    private GatewayProcess gateway;
    private String operatorPassword;

    public DemoSystem(DemoOptions options, PrintStream out) {
        this.options = options;
        this.plan = FleetPlan.load(options.scenario(), options.stations());
        this.curves = new SiteCurves(options.objective(), plan.demandWh());
        this.out = out;
        this.work = Workspace.fresh("run");
    }

    /** Starts the CIO, registers the grid point, stations and an operator, starts every station. */
    public DemoSystem start() throws IOException {
        out.printf("Starting the CIO backend (embedded PostgreSQL) in %s ...%n", work.resolve("cio"));
        useOwnCopyOfTheCioJar();
        // The CIO's planning time grid (slot length and minimum horizon, 15 min in real time) scaled by the speed, so
        // that a shift of energy (TARIFF, RENEWABLE) lands within a compressed stay, not after the EV left.
        String grid = options.planningGrid().getSeconds() + "s";
        cio = CioBackend.prepare(work.resolve("cio")).property("cio.planning.slot-length", grid)
                .property("cio.planning.min-horizon", grid)
                .property("cio.replan.enabled", Boolean.toString(REPLAN))
                .property("cio.replan.debounce", options.replanDebounce().toMillis() + "ms")
                .property("cio.replan.min-interval", options.replanDebounce().toMillis() + "ms")
                .property("cio.schedule.poll-interval", options.pollInterval().getSeconds() + "s").start();
        Http admin = cio.admin();
        CioWarmUp.run(cio.baseUrl(), admin);
        CioAdmin.expect(200, admin.put("/api/v1/admin/grid-connection-points/" + GRID_POINT,
                Map.of("name", "Demo feeder", "maxPowerW", options.gridLimitKw() * 1000)), "grid connection point");
        operatorPassword = CioAdmin.expect(201, admin.post("/api/v1/admin/users",
                Map.of("name", OPERATOR, "roles", List.of("OPERATOR"))), "operator account").json()
                .get("password").asText();
        CioAdmin registry = new CioAdmin(cio);
        for (int i = 0; i < options.stations(); i++) {
            DemoStation s = DemoStation.prepare(i, work.resolve("station-" + (i + 1)), plan, options.speed(),
                    options.planningGrid());
            stations.add(s);
            register(admin, s);
            s.connect(cio.baseUrl(), registry.issueStationCredential(s.id()));
            registry.setAccessCredential(s.id(), "cio", s.firmware().cioPassword());
        }
        for (DemoStation s : stations) { // one after another: each start is CPU-bound for seconds
            out.printf("Starting station %s (Felix, REST on %s) ...%n", s.id(), s.firmware().restBaseUrl());
            s.start();
        }
        if (options.gateway()) {
            gateway = GatewayProcess.startIfBuilt(work.resolve("gateway"), cio.baseUrl(), admin,
                    stations.stream().map(DemoStation::id).toList(), out);
        }
        return this;
    }

    /**
     * Runs the CIO from a copy of its jar in the run's folder, so that a rebuild of cio-backend while the demo runs
     * cannot pull classes from under the running CIO ({@link CioBackend} reads the system property {@code cio.jar}).
     */
    private void useOwnCopyOfTheCioJar() throws IOException {
        Path jar = Path.of(CIO_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no CIO backend jar at " + jar.toAbsolutePath()
                    + "; build with mvn -q -DskipTests install");
        }
        Path copy = work.resolve("cio-backend.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        System.setProperty("cio.jar", copy.toString());
    }

    private void register(Http admin, DemoStation s) {
        List<Map<String, Object>> outlets = new ArrayList<>();
        for (int o = 1; o <= plan.outlets(); o++) {
            outlets.add(Map.of("id", Integer.toString(o), "maxPowerW", Visit.OUTLET_MAX_A * 3 * Visit.VOLTS, "phases", 3));
        }
        Map<String, Object> station = Map.of("name", "Demo station " + (s.index() + 1), "gridConnectionPoint", GRID_POINT,
                "maxPowerW", plan.outlets() * Visit.OUTLET_MAX_A * 3 * Visit.VOLTS, "restBaseUrl", s.firmware().restBaseUrl(),
                "latitude", 52.52 + 0.01 * s.index(), "longitude", 13.40 + 0.01 * s.index());
        CioAdmin.expect(201, admin.post("/api/v1/admin/stations", Map.of("id", s.id(), "station", station,
                "outlets", outlets)), "register " + s.id());
    }

    /** The dashboard's address and the operator account created for this run (its password is shown once). */
    public String loginBanner() {
        return "Dashboard: " + cio.baseUrl() + "/dashboard  (user '" + OPERATOR + "', password " + operatorPassword
                + " -- shown once, valid for this run)";
    }

    /** Plays the scenario on every station, prints progress every {@code progressSeconds}, returns the summary. */
    public Summary run(int progressSeconds) {
        // the day starts (in 2 s) half an hour of simulated time before the first arrival, not at midnight
        long firstMs = plan.steps().isEmpty() ? 0 : plan.steps().get(0).simMs();
        long skipMs = Math.max(0, firstMs - 30 * 60_000L);
        Clock clock = new Clock(Instant.now().plusSeconds(2).minusMillis(Math.round(skipMs / options.speed())),
                options.speed());
        long stopSim = options.minutes() > 0
                ? Math.min(plan.endMs(), skipMs + Math.round(options.minutes() * 60_000 * options.speed()))
                : plan.endMs();
        out.printf("Scenario %s: %d EV visits on %d stations x %d outlets, simulated day %s, speed x%.0f "
                + "(about %d s), grid limit %.1f kW%n", plan.name(), plan.visits().size(), stations.size(),
                plan.outlets(), Clock.hhmm(plan.endMs()), options.speed(), clock.wallMillis(stopSim - skipMs) / 1000,
                options.gridLimitKw());
        if (options.objective() != DemoOptions.Objective.PEAK) {
            Map<String, Object> body = curves.planningBody(clock, 0, plan.endMs());
            CioAdmin.expect(200, cio.admin().put("/api/v1/admin/grid-connection-points/" + GRID_POINT + "/planning", body),
                    "site objective " + options.objective());
            out.printf(Locale.ROOT, "Site objective %s: %s in compressed time (planning slots of %d s)%n",
                    options.objective(), options.objective() == DemoOptions.Objective.TARIFF
                            ? "price curve 0.14 EUR/kWh at night, 0.36 morning, 0.12 midday, 0.42 evening, 0.24 late"
                            : String.format(Locale.ROOT, "PV forecast peaking at %.1f kW at noon (%.0f %% of the fleet's "
                                    + "demand over the day)", curves.pvPeakW() / 1000, SiteCurves.PV_SHARE * 100),
                    options.planningGrid().getSeconds());
        }
        double gridFeasibleWh = GridFeasibility.maxDeliverableWh(plan.visits(), options.gridLimitKw() * 1000,
                Math.round(START_LAG_WALL_MS * options.speed()), stopSim);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-scenario");
            t.setDaemon(true);
            return t;
        });
        try {
            for (FleetPlan.Step step : plan.steps()) {
                if (step.simMs() <= stopSim) {
                    DemoStation s = stations.get(step.station());
                    executor.schedule(() -> safely(() -> s.apply(step, clock)), delay(clock, step.simMs()),
                            TimeUnit.MILLISECONDS);
                }
            }
            executor.scheduleAtFixedRate(() -> safely(() -> progress(clock)), delay(clock, 0), progressSeconds * 1000L,
                    TimeUnit.MILLISECONDS);
            executor.schedule(() -> safely(() -> stations.forEach(DemoStation::unplugAll)), delay(clock, stopSim) + 1,
                    TimeUnit.MILLISECONDS);
            Await.sleep(delay(clock, stopSim) + 500);
            executor.shutdown();
            Await.until("the scenario's last steps ran", Duration.ofSeconds(30), executor::isTerminated);
        } finally {
            executor.shutdownNow();
        }
        awaitOutboxes();
        return summary(stopSim, gridFeasibleWh, clock);
    }

    private static long delay(Clock clock, long simMs) {
        return Math.max(0, clock.wall(simMs).toEpochMilli() - System.currentTimeMillis());
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("demo step failed", e);
        }
    }

    private void progress(Clock clock) {
        int open = stations.stream().mapToInt(DemoStation::pluggedCount).sum();
        long done = stations.stream().mapToLong(s -> s.delivered().size()).sum();
        double wh = stations.stream().mapToDouble(s -> s.deliveringWh()
                + s.delivered().values().stream().mapToDouble(Double::doubleValue).sum()).sum();
        double kw = stations.stream().mapToDouble(DemoStation::powerW).sum() / 1000;
        out.printf(Locale.ROOT, "[%s] sessions open %d, done %d | energy %.1f kWh | power %.1f kW of %.1f kW limit%n",
                Clock.hhmm(clock.simNow()), open, done, wh / 1000, kw, options.gridLimitKw());
    }

    private void awaitOutboxes() {
        for (DemoStation s : stations) {
            Await.until(s.id() + " delivered its outbox to the CIO", Duration.ofSeconds(60),
                    () -> s.longChannel(StationFiles.OUTBOX_PENDING) == 0
                            && s.longChannel(StationFiles.OUTBOX_DELIVERED_SEQ) == s.longChannel(StationFiles.OUTBOX_LAST_SEQ));
        }
    }

    private Summary summary(long stopSim, double gridFeasibleWh, Clock clock) {
        long lagSim = Math.round(START_LAG_WALL_MS * options.speed());
        List<Summary.SessionResult> sessions = new ArrayList<>();
        for (DemoStation s : stations) {
            s.delivered().forEach((v, wh) -> sessions.add(new Summary.SessionResult(v, v.demandWh(),
                    Math.min(v.feasibleWh(lagSim), v.maxPowerW() * Math.max(0, stopSim - v.arrivalMs() - lagSim) / 3.6e6),
                    wh)));
        }
        sessions.sort((a, b) -> Long.compare(a.visit().arrivalMs(), b.visit().arrivalMs()));
        CioMeterData db = new CioMeterData(cio.work().resolve("postgres"));
        List<CioMeterData.Bucket> buckets = db.aggregate(BUCKET_SECONDS);
        double limitW = options.gridLimitKw() * 1000;
        double toleranceW = limitW * LIMIT_TOLERANCE;
        double peak = buckets.stream().mapToDouble(CioMeterData.Bucket::powerW).max().orElse(0);
        int over = (int) buckets.stream().filter(b -> b.powerW() > limitW + toleranceW).count();
        List<Summary.MeterAccount> meters = new ArrayList<>();
        for (DemoStation s : stations) {
            long last = s.longChannel(StationFiles.OUTBOX_LAST_SEQ);
            TreeSet<Long> stored = db.storedSequenceNumbers(s.id());
            // the outbox numbers from 0 (docs/charging-app.md): 0..last were written
            List<Long> missing = LongStream.rangeClosed(0, last).filter(n -> !stored.contains(n)).boxed().toList();
            meters.add(new Summary.MeterAccount(s.id(), last, s.longChannel(StationFiles.OUTBOX_DELIVERED_SEQ),
                    s.longChannel(StationFiles.OUTBOX_DROPPED), stored.size(), missing));
        }
        List<double[]> managed = new ArrayList<>();
        long bucketSimMs = Math.round(BUCKET_SECONDS * 1000 * options.speed());
        for (CioMeterData.Bucket b : buckets) {
            long from = Math.round((b.startEpochSecond() * 1000 - clock.start().toEpochMilli()) * options.speed());
            managed.add(new double[] {from, from + bucketSimMs, b.powerW()});
        }
        return new Summary(sessions, gridFeasibleWh, plan.uncontrolledPeakW(), peak, limitW, toleranceW, BUCKET_SECONDS,
                over, meters, ObjectiveRating.of(curves, options.objective(), managed, SiteCurves.uncontrolled(
                        plan.visits().stream().filter(v -> v.arrivalMs() <= stopSim).toList())));
    }

    public FleetPlan plan() {
        return plan;
    }

    public List<DemoStation> stations() {
        return List.copyOf(stations);
    }

    /** The grid gateway, if it was started. */
    Optional<GatewayProcess> gateway() {
        return Optional.ofNullable(gateway);
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        for (DemoStation s : stations) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed", s.id(), e);
            }
        }
        if (cio != null) {
            cio.close();
        }
    }
}
