package org.chargeflex.bench.grid;

import static org.chargeflex.bench.schedule.ScheduleDelayBench.defaultProperty;
import static org.chargeflex.bench.schedule.ScheduleDelayBench.pct;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.chargeflex.systemtest.harness.ChargingRig;
import org.chargeflex.systemtest.harness.GridGateway;
import org.chargeflex.systemtest.harness.GridRig;
import org.chargeflex.systemtest.harness.ScadaIec104;
import org.chargeflex.systemtest.harness.Workspace;
import org.openmuc.j60870.ASdu;

/**
 * Issue 7: the delay from a DNO's SCADA set-point to the changed PWM limit at the board.
 *
 * <p>Runs the real components with the system-tests harness ({@link GridRig}, test-jar of {@code system-tests}): the
 * CIO backend jar as a child process (HTTPS, embedded PostgreSQL, its own planner and curtailment API), one station
 * firmware child process with the simulated M3B board in this JVM, and the grid gateway application in this JVM,
 * logged in to the CIO as a DNO account. An EV charges at the station's full 22 kW (31.8 A). Then {@code N} times an
 * IEC 104 master (j60870) sends a C_SE_NC_1 select + execute, alternating 6900 W (10 A: below the measured power, so
 * an emergency the CIO writes straight to the station's {@code station/grid_limit_w}) and 11040 W (16 A: above it,
 * so the CIO re-plans the session, lifts the station's emergency limit, and the station picks the new schedule up at
 * its next poll). Measured: from sending the execute command to the first moment the simulated board advertises
 * the new level (±0.5 A), polling the simulator every 1 ms. Target: p99 &lt; 1 s.
 *
 * <p>Before each set-point the station has fetched the schedule re-planned for the previous one, so a raise waits for
 * the station's next schedule poll while a cut (emergency) does not. {@code -Dbench.warmup=4} untimed set-points
 * come first (JIT, first connections).
 *
 * <p>Delay parts: gateway dispatcher (no wait) + CIO PUT (database, re-plan, emergency write over the station's REST)
 * + the station's next tick ({@code tickMillis}=100 in the rig); raising the limit additionally waits for the
 * station's next schedule poll ({@code cio.schedule.poll-interval}, 1 s in the harness).
 *
 * <p>Run (from the repository root, after building the CIO jar, the station distribution and the gateway once):
 * <pre>
 * mvn -q -o -pl system-tests install -DskipTests &amp;&amp; mvn -q -o -pl bench install
 * mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) org.chargeflex.bench.grid.GridSetPointBench [N]
 * </pre>
 * System properties as for {@code ScheduleDelayBench} ({@code cio.jar}, {@code station.dist}, {@code work.dir}:
 * default bench/target/grid-setpoint-work). Lines starting with {@code |} are Markdown table rows for RESULTS.md.
 */
public final class GridSetPointBench {
    static final float DOWN_W = 6_900f;
    static final float UP_W = 11_040f;
    static final double DOWN_A = 10;
    static final double UP_A = 16;
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private GridSetPointBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int warmup = Integer.getInteger("bench.warmup", 4);
        defaultProperty("cio.jar", "system-tests/target/cio/cio-backend.jar");
        defaultProperty("station.dist", "station-osgi/distribution/target/chargeflex-station");
        defaultProperty("work.dir", "bench/target/grid-setpoint-work");
        long[] down = new long[(n + 1) / 2];
        long[] up = new long[n / 2];
        try (GridRig grid = GridRig.start(Workspace.fresh("GridSetPointBench"));
                ScadaIec104 scada = ScadaIec104.connect(grid.gateway.iec104Port())) {
            scada.interrogate(DEADLINE);
            for (int i = 0; i < warmup; i++) {
                long micros = once(grid.rig, scada, i % 2 == 0 ? DOWN_W : UP_W, i % 2 == 0 ? DOWN_A : UP_A);
                System.out.printf(Locale.ROOT, "# warm-up %d: %8.1f ms%n", i + 1, micros / 1e3);
            }
            for (int i = 0; i < n; i++) {
                boolean lower = i % 2 == 0;
                long micros = once(grid.rig, scada, lower ? DOWN_W : UP_W, lower ? DOWN_A : UP_A);
                if (lower) {
                    down[i / 2] = micros;
                } else {
                    up[i / 2] = micros;
                }
                System.out.printf(Locale.ROOT, "#   %2d: %5.0f W -> %4.1f A after %8.1f ms%n", i + 1,
                        lower ? DOWN_W : UP_W, lower ? DOWN_A : UP_A, micros / 1e3);
            }
        }
        System.out.println();
        System.out.println("## Grid set-point delay: IEC 104 C_SE_NC_1 execute -> PWM limit at the board "
                + "(GridSetPointBench)");
        System.out.println();
        System.out.println("| set-point | path | N | min ms | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("6900 W (below the power drawn)", "emergency: CIO writes station/grid_limit_w", down);
        row("11040 W (above it)", "re-plan + lift; station's schedule poll", up);
        long[] all = new long[down.length + up.length];
        System.arraycopy(down, 0, all, 0, down.length);
        System.arraycopy(up, 0, all, down.length, up.length);
        row("both", "", all);
        System.exit(0); // the harness' HTTP clients leave non-daemon threads
    }

    /**
     * One set-point: select, execute (timed from here), wait for the level at the board; then, untimed, wait until
     * the station has fetched the schedule the CIO re-planned under the new limit, so the next set-point starts from
     * a settled station (a raise then really waits for the station's schedule poll).
     */
    static long once(ChargingRig rig, ScadaIec104 scada, float watts, double amps) throws Exception {
        String scheduleBefore = rig.channel("outlet1/session/schedule_id").asText();
        // select first, untimed: the execute is the command that takes effect
        ASdu select = scada.setPoint(GridGateway.setPointIoa(), watts, DEADLINE, true);
        if (select.isNegativeConfirm()) {
            throw new IllegalStateException("select of " + watts + " W refused");
        }
        long sent = System.nanoTime();
        ASdu execute = scada.setPoint(GridGateway.setPointIoa(), watts, DEADLINE, false);
        if (execute.isNegativeConfirm()) {
            throw new IllegalStateException("execute of " + watts + " W refused");
        }
        long end = sent + DEADLINE.toNanos();
        while (Math.abs(rig.pwm.current() - amps) > ChargingRig.TOLERANCE_A) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the board did not change to " + amps + " A within " + DEADLINE
                        + " (now " + rig.pwm.current() + " A)");
            }
            LockSupport.parkNanos(1_000_000);
        }
        long micros = (System.nanoTime() - sent) / 1_000;
        long settle = System.nanoTime() + DEADLINE.toNanos();
        while (scheduleBefore.equals(rig.channel("outlet1/session/schedule_id").asText())) {
            if (System.nanoTime() > settle) {
                throw new IllegalStateException("the station did not fetch the re-planned schedule within " + DEADLINE);
            }
            LockSupport.parkNanos(20_000_000);
        }
        return micros;
    }

    static void row(String setPoint, String path, long[] micros) {
        if (micros.length == 0) {
            return;
        }
        long[] d = micros.clone();
        Arrays.sort(d);
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |", setPoint, path,
                d.length, d[0] / 1e3, pct(d, 50) / 1e3, pct(d, 99) / 1e3, d[d.length - 1] / 1e3));
    }
}
