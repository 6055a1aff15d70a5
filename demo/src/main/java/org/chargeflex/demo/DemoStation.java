package org.chargeflex.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.m3b.simulator.Scenario;
import org.chargeflex.systemtest.harness.Await;
import org.chargeflex.systemtest.harness.ChargingConfig;
import org.chargeflex.systemtest.harness.Http;
import org.chargeflex.systemtest.harness.StationInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo station: a simulated M3B board with the scenario's outlets (TCP, in this JVM, at the demo's speed) and the
 * station firmware as a child process (a copy of the built distribution in its own home, its own users, its own CIO
 * credential). Plays the scenario's steps for this station and measures what each EV got from the board's meter.
 */
final class DemoStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStation.class);
    /** How much more than the flat needed power an EV asks for (so that start-up time and rounding do not leave it short). */
    static final double MARGIN = 1.2;
    /** The CIO plans at least this far ahead (PlanningHorizon.MIN_HORIZON in cio-backend). */

    private final int index;
    private final M3bSimulator sim;
    private final StationInstance station;
    private final FleetPlan plan;
    private final Map<Integer, Visit> plugged = new HashMap<>();
    private final Map<Integer, Double> energyAtPlug = new HashMap<>();

    /** The CIO's minimum planning horizon (cio.planning.min-horizon, as the demo starts the CIO). */
    private final Duration cioMinHorizon;

    private DemoStation(int index, M3bSimulator sim, StationInstance station, FleetPlan plan, Duration cioMinHorizon) {
        this.cioMinHorizon = cioMinHorizon;
        this.index = index;
        this.sim = sim;
        this.station = station;
        this.plan = plan;
    }

    /** Starts the board and prepares (does not start) the firmware in {@code home}. */
    static DemoStation prepare(int index, Path home, FleetPlan plan, double speed, Duration cioMinHorizon)
            throws IOException {
        M3bSimulator sim = M3bSimulator.builder().outlets(plan.outlets()).timeScale(speed).tickMillis(20)
                .seed(1000 + index).build().startTcp(0);
        sim.setBoardInterlock(plan.boardInterlock());
        StationInstance station = StationInstance.prepare(home)
                .requireBundles("org.chargeflex.station.driver.m3b.jar", "org.chargeflex.station.charging.jar",
                        "org.chargeflex.station.cioclient.jar", "org.chargeflex.station.driver.virtual.jar")
                .writeConf("conf/channels.json", StationFiles.channels("tcp://127.0.0.1:" + sim.tcpPort(), plan.outlets(),
                        speed))
                .writeConf("conf/org.chargeflex.station.datamanager.cfg", ChargingConfig.dataManager());
        for (int o = 1; o <= plan.outlets(); o++) {
            station.writeConf("conf/org.chargeflex.station.charging.outlet-" + o + ".cfg", StationFiles.outlet(o));
        }
        return new DemoStation(index, sim, station, plan, cioMinHorizon);
    }

    String id() {
        return "ST-" + (index + 1);
    }

    int index() {
        return index;
    }

    StationInstance firmware() {
        return station;
    }

    /** Points the CIO client at the CIO with the station's own credential. */
    void connect(String cioBaseUrl, String secret) {
        station.writeConf("conf/org.chargeflex.station.cioclient.cfg",
                ChargingConfig.cioClient(cioBaseUrl, id(), secret, null));
    }

    /** Starts the firmware process and waits until every outlet's charging application runs. */
    void start() {
        station.startProcess();
        for (int o = 1; o <= plan.outlets(); o++) {
            String label = "outlet" + o + "/session/state";
            Await.until(id() + " " + label + " has a value", Duration.ofSeconds(60), () -> channel(label).isTextual());
        }
    }

    /** Runs one of this station's steps now; a plug-in first sets the EV's parameters on the station. */
    void apply(FleetPlan.Step step, Clock clock) {
        int o = step.outlet();
        if (step.action().equals("plugIn")) {
            Visit v = plan.visits().stream().filter(x -> x.station() == index && x.outlet() == o
                    && x.arrivalMs() == step.simMs()).findFirst().orElseThrow();
            writeEvParameters(v, clock);
            closeVisit(o);
            plugged.put(o, v);
            energyAtPlug.put(o, sim.outlet(o).energyWh());
        } else if (step.action().equals("unplug")) {
            closeVisit(o);
        }
        Scenario.parse(plan.singleStepScenario(step)).actions().get(0).action().apply(sim);
    }

    private final Map<Visit, Double> delivered = new HashMap<>();

    private void closeVisit(int outlet) {
        Visit v = plugged.remove(outlet);
        if (v != null) {
            delivered.put(v, sim.outlet(outlet).energyWh() - energyAtPlug.remove(outlet));
        }
    }

    /** Unplugs every EV still plugged in (the end of the run). */
    void unplugAll() {
        for (Integer o : Map.copyOf(plugged).keySet()) {
            closeVisit(o);
            sim.unplug(o);
        }
    }

    /**
     * The EV's parameters for its charging request. The CIO plans in wall-clock time with a horizon of at least
     * {@link #cioMinHorizon}, while the EV stays only {@code stay / speed}: the demand is stated so that the CIO's
     * flattest plan over its horizon is the power the EV needs, {@code MARGIN * demand / stay} (at least the EV's
     * minimum, at most its maximum); the
     * departure is the wall-clock time the EV leaves.
     */
    private void writeEvParameters(Visit v, Clock clock) {
        // not below the EV's minimum: the CIO's one-session plan is flat, and a flat plan under the minimum becomes 0 W
        double powerW = v.targetPowerW(MARGIN);
        double stayWallHours = clock.wallMillis(v.departureMs() - v.arrivalMs()) / 3_600_000.0;
        double horizonHours = Math.max(stayWallHours, cioMinHorizon.toMillis() / 3_600_000.0);
        String p = "/rest/channels/outlet" + v.outlet() + "/ev/";
        write(p + "energy_demand", Math.floor(powerW * horizonHours));
        write(p + "departure", clock.wall(v.departureMs()).toString());
        write(p + "max_current", v.maxCurrentA());
        write(p + "phases", v.phases());
    }

    private void write(String path, Object value) {
        Http.Response r = station.operator().put(path, Map.of("record", Map.of("value", value)));
        if (r.status() / 100 != 2) {
            LOG.warn("{}: writing {} failed: {}", id(), path, r);
        }
    }

    /** What each EV that has left got, Wh (measured by the simulated board). */
    Map<Visit, Double> delivered() {
        return Map.copyOf(delivered);
    }

    /** Energy the EVs plugged in now got so far, Wh. */
    double deliveringWh() {
        return plugged.keySet().stream().mapToDouble(o -> sim.outlet(o).energyWh() - energyAtPlug.get(o)).sum();
    }

    int pluggedCount() {
        return plugged.size();
    }

    /** The board's measured power over all outlets now, W. */
    double powerW() {
        double w = 0;
        for (int o = 1; o <= plan.outlets(); o++) {
            w += sim.outlet(o).meter().totalPower();
        }
        return w;
    }

    com.fasterxml.jackson.databind.JsonNode channel(String label) {
        Http.Response r = station.operator().get("/rest/channels/" + label);
        if (r.status() != 200) {
            throw new IllegalStateException(id() + " " + label + ": " + r);
        }
        return r.json().at("/record/value");
    }

    long longChannel(String label) {
        return channel(label).asLong(-1);
    }

    @Override
    public void close() {
        try {
            station.close();
        } finally {
            sim.close();
        }
    }
}
