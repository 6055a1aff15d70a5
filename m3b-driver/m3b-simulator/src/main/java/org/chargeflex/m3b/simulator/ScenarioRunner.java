package org.chargeflex.m3b.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays a {@link Scenario}'s steps against a simulator at their time offsets. */
public final class ScenarioRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "m3b-sim-scenario");
        t.setDaemon(true);
        return t;
    });

    /** Schedules every step, counted from now; returns at once. */
    public ScenarioRunner(Scenario scenario, M3bSimulator sim) {
        sim.setBoardInterlock(scenario.boardInterlock());
        for (Scenario.TimedAction a : scenario.actions()) {
            executor.schedule(() -> run(a, sim), a.atMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void run(Scenario.TimedAction a, M3bSimulator sim) {
        try {
            LOG.info("scenario: t={} ms {}", a.atMillis(), a.description());
            a.action().apply(sim);
        } catch (RuntimeException e) {
            LOG.error("scenario: step at {} ms ({}) failed", a.atMillis(), a.description(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
