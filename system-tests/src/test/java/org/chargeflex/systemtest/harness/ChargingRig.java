package org.chargeflex.systemtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;

/**
 * A charging station under test: the simulated M3B board on TCP (in this JVM), the station firmware as a child process
 * configured for it (M3B driver, charging application, CIO client pointed at {@code cioBaseUrl}) and a recorder of
 * the board's PWM limit.
 */
public final class ChargingRig implements AutoCloseable {
    public static final String RFID = "04A1B2C3";
    public static final double TOLERANCE_A = 0.5; // power -> current at the measured voltage (230 V ± noise)

    public final M3bSimulator sim;
    public final StationInstance station;
    public final PwmRecorder pwm;

    private ChargingRig(M3bSimulator sim, StationInstance station) {
        this.sim = sim;
        this.station = station;
        this.pwm = new PwmRecorder(sim, 1);
    }

    /**
     * Starts the board and the station (a child process) with the distribution's CIO client configuration, which
     * has no credential: the charging application waits until {@link #connectCio} configures the client.
     *
     * @param fallbackA         the outlet's fallback current
     * @param maxOfflineSeconds the outlet's offline allowance
     */
    public static ChargingRig start(Path home, double fallbackA, long maxOfflineSeconds) throws Exception {
        M3bSimulator sim = M3bSimulator.builder().outlets(1).timeScale(10).tickMillis(20).seed(42).build().startTcp(0);
        StationInstance station = StationInstance.prepare(home)
                .requireBundles("org.chargeflex.station.driver.m3b.jar", "org.chargeflex.station.charging.jar",
                        "org.chargeflex.station.cioclient.jar", "org.chargeflex.cio.contract.jar")
                .writeConf("conf/channels.json", ChargingConfig.channels("tcp://127.0.0.1:" + sim.tcpPort()))
                .writeConf("conf/org.chargeflex.station.datamanager.cfg", ChargingConfig.dataManager())
                .writeConf("conf/org.chargeflex.station.charging.outlet-1.cfg",
                        ChargingConfig.outlet(fallbackA, maxOfflineSeconds));
        ChargingRig rig = new ChargingRig(sim, station);
        station.startProcess();
        Await.until("the station reads the board's CP state", Duration.ofSeconds(30),
                () -> "A".equals(rig.channel("outlet1/cp_state").asText()));
        return rig;
    }

    /**
     * Writes the CIO client's configuration (FileInstall applies it while the station runs, or at its next start)
     * and, if the station runs, waits until the charging application publishes its state.
     */
    public void connectCio(String cioBaseUrl, String stationId, String secret, Tls tls) {
        station.writeConf("conf/org.chargeflex.station.cioclient.cfg",
                ChargingConfig.cioClient(cioBaseUrl, stationId, secret, tls));
        if (station.running()) {
            Await.until("the charging application runs (CIO client configured)", Duration.ofSeconds(30),
                    () -> rig().channel("outlet1/session/state").isTextual());
        }
    }

    private ChargingRig rig() {
        return this;
    }

    /** A 3-phase EV of the RFID user, 60 kWh at 30 %, up to 32 A, reacting within 200 ms. */
    public void plugIn() {
        sim.plugIn(1, EvSpec.builder().capacityWh(60_000).soc(0.3).maxCurrent(32).phases(3).userId(RFID)
                .reactionDelayMillis(200).build());
    }

    /** The latest value of a station channel (read on the station's REST API). */
    public JsonNode channel(String label) {
        Http.Response r = station.operator().get("/rest/channels/" + label);
        if (r.status() != 200) {
            throw new AssertionError(label + ": " + r);
        }
        return r.json().at("/record/value");
    }

    /** Waits until the board advertises {@code amps} (± the conversion tolerance). */
    public void awaitLimit(String why, double amps, Duration deadline) {
        Await.value(why + ": the board's PWM advertises " + amps + " A", deadline, pwm::current,
                a -> Math.abs(a - amps) <= TOLERANCE_A);
    }

    /** Unplugs and waits until the station reported the session and its outbox is empty. */
    public void unplugAndAwaitReport() {
        sim.unplug(1);
        Await.value("session reported and outbox delivered", Duration.ofSeconds(30),
                () -> channel("outlet1/session/state").asText() + " pending=" + channel("station/outbox/pending").asLong(),
                s -> (s.startsWith("SESSION_REPORTED") || s.startsWith("IDLE")) && s.endsWith("pending=0"));
    }

    /** The PWM levels (rounded to whole amperes, repeats collapsed) seen since the given sample index. */
    public List<Long> levelsSince(int fromSample) {
        List<PwmRecorder.Sample> samples = pwm.samples();
        List<Long> out = new ArrayList<>();
        for (PwmRecorder.Sample s : samples.subList(Math.min(fromSample, samples.size()), samples.size())) {
            long level = Math.round(s.amps());
            if (out.isEmpty() || out.get(out.size() - 1) != level) {
                out.add(level);
            }
        }
        return out;
    }

    public int sampleCount() {
        return pwm.samples().size();
    }

    @Override
    public void close() {
        pwm.close();
        station.close();
        sim.close();
    }
}
