package org.chargeflex.systemtest.harness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.m3b.simulator.M3bSimulator;

/**
 * Samples the simulated board's PWM current limit (what the board advertises to the EV) of one outlet continuously
 * (every 10 ms) on a daemon thread, so the tests see every limit the station set, also short-lived ones.
 */
public final class PwmRecorder implements AutoCloseable {
    /** One sample: when, the advertised limit in A (0 = no charging) and whether the contactor was closed. */
    public record Sample(Instant at, double amps, boolean contactorClosed) {
    }

    private final M3bSimulator sim;
    private final int outlet;
    private final List<Sample> samples = new ArrayList<>(); // guarded by itself
    private final Thread thread;
    private volatile boolean running = true;

    public PwmRecorder(M3bSimulator sim, int outlet) {
        this.sim = sim;
        this.outlet = outlet;
        this.thread = new Thread(this::run, "pwm-recorder-" + outlet);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            OutletStatus s = sim.outlet(outlet).status();
            Sample sample = new Sample(Instant.now(), s.pwm().allowsCharging() ? s.pwm().currentLimit() : 0.0,
                    s.contactorClosed());
            synchronized (samples) {
                samples.add(sample);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The current limit now. */
    public double current() {
        OutletStatus s = sim.outlet(outlet).status();
        return s.pwm().allowsCharging() ? s.pwm().currentLimit() : 0.0;
    }

    /** Samples taken from {@code from} on. */
    public List<Sample> since(Instant from) {
        return samples().stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    public double maxSince(Instant from) {
        return since(from).stream().mapToDouble(Sample::amps).max().orElse(Double.NaN);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
