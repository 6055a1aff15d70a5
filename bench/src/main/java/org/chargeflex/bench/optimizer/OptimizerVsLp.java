package org.chargeflex.bench.optimizer;

import java.util.Arrays;
import java.util.Locale;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.scenario.FleetGenerator;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.solver.SessionPlan;

/**
 * The issue-6 comparison in one run: for generated fleets of 100, 1 000, 3 000 and 10 000 EVs x 96 slots of 15 min
 * (hierarchical limits, seed 42), the optimiser's time for the exact minimum peak and for peak + complete valley
 * filling (median of {@code --runs} after {@code --warmups}), the same minimum-peak problem through ojAlgo's LP
 * (energies fixed to what the optimiser delivers; {@code --lp-limit} seconds per size, "> limit" when exceeded, larger
 * sizes are then skipped), both peaks, and the peak reduction against uncontrolled charging (full power on arrival).
 *
 * <p>Run: {@code mvn -q -pl cio-optimizer install -DskipTests && mvn -q -pl bench exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.chargeflex.bench.optimizer.OptimizerVsLp --lp-limit 60"}
 */
public final class OptimizerVsLp {
    private OptimizerVsLp() {
    }

    public static void main(String[] args) {
        int[] sizes = {100, 1_000, 3_000, 10_000};
        long lpLimitSeconds = 60;
        int warmups = 3;
        int runs = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--lp-limit" -> lpLimitSeconds = Long.parseLong(args[i + 1]);
                case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("| EVs | exact peak | peak + valley filling | LP (ojAlgo) | peak | LP peak | uncontrolled peak "
                + "| reduction |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        boolean lpGaveUp = false;
        for (int n : sizes) {
            Problem p = FleetGenerator.builder().sessions(n).seed(42).build().generate();
            Optimizer peakOnly = Optimizer.builder().flattenRounds(0).build();
            Optimizer full = Optimizer.create();
            double peakMs = medianMillis(peakOnly, p, warmups, runs);
            double fullMs = medianMillis(full, p, warmups, runs);
            Plan plan = full.plan(p);
            double[] delivered = plan.sessions().stream().mapToDouble(SessionPlan::deliveredWh).toArray();
            String lpTime;
            String lpPeak;
            if (lpGaveUp) {
                lpTime = "> " + lpLimitSeconds + " s (not run: a smaller size exceeded the limit)";
                lpPeak = "-";
            } else {
                LpPeakModel.Result lp = LpPeakModel.solve(p, delivered, lpLimitSeconds * 1000);
                lpGaveUp = !lp.finished();
                lpTime = lp.finished() ? lp.millis() + " ms" : "> " + lpLimitSeconds + " s (" + lp.state() + ")";
                lpPeak = lp.finished() ? kw(lp.peakW()) : "-";
            }
            double peak = plan.summary().peakW();
            double uncontrolled = plan.summary().uncontrolledPeakW();
            System.out.printf(Locale.ROOT, "| %d | %.0f ms | %.0f ms | %s | %s | %s | %s | %.1f %% |%n", n, peakMs, fullMs,
                    lpTime, kw(peak), lpPeak, kw(uncontrolled), 100 * (1 - peak / uncontrolled));
        }
        System.exit(0);
    }

    private static double medianMillis(Optimizer o, Problem p, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            o.plan(p);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            o.plan(p);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static String kw(double w) {
        return String.format(Locale.ROOT, "%.1f kW", w / 1000);
    }
}
