package org.chargeflex.optimizer.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/** Seeded random problems: a transformer over two grid connection points over stations, time-varying limits. */
public final class RandomProblems {
    public static final Instant START = Instant.parse("2026-11-25T00:00:00Z");
    private static final double[] OUTLETS = {3_700, 11_000, 22_000};

    private RandomProblems() {
    }

    /**
     * @param tightness the transformer limit as a fraction of what the fleet could draw at once (1 = ample); small values
     *                  make demands infeasible
     */
    public static Problem random(long seed, int sessions, int slots, double tightness, Objective objective) {
        Random rnd = new Random(seed);
        int stations = Math.max(1, sessions / 3);
        Problem.Builder b = Problem.builder(START, slots).objective(objective);
        double fleetMax = sessions * 11_000.0;
        double[] base = new double[slots];
        double[] trafoLimit = new double[slots];
        for (int t = 0; t < slots; t++) {
            base[t] = fleetMax * 0.1 * (1 + Math.sin(2 * Math.PI * t / slots)) + rnd.nextDouble() * 1_000;
            trafoLimit[t] = fleetMax * tightness * (t >= slots / 2 && t < slots * 3 / 4 ? 0.8 : 1.0) + base[t];
        }
        b.node(LimitNode.builder("trafo", slots).maxPowerW(trafoLimit).baseLoadW(base).build());
        for (int g = 0; g < 2; g++) {
            b.node(LimitNode.builder("gcp" + g, slots).parent("trafo").maxPowerW(fleetMax * tightness * 0.6).build());
        }
        for (int k = 0; k < stations; k++) {
            b.node(LimitNode.builder("st" + k, slots).parent("gcp" + (k % 2)).maxPowerW(rnd.nextBoolean() ? 22_000 : 30_000)
                    .build());
        }
        double hours = Problem.DEFAULT_SLOT.getSeconds() / 3600.0;
        for (int i = 0; i < sessions; i++) {
            int first = rnd.nextInt(slots * 2 / 3);
            int len = 2 + rnd.nextInt(Math.max(1, slots - first - 1));
            len = Math.min(len, slots - first);
            double max = OUTLETS[rnd.nextInt(OUTLETS.length)];
            double energy = (0.2 + 0.6 * rnd.nextDouble()) * max * len * hours;
            b.session(Session.builder("s" + i).node("st" + rnd.nextInt(stations))
                    .window(START.plus(Duration.ofMinutes(15L * first)), START.plus(Duration.ofMinutes(15L * (first + len))))
                    .energyWh(energy).maxPowerW(max).phases(rnd.nextInt(3) + 1).build());
        }
        double[] renewable = new double[slots];
        double[] price = new double[slots];
        for (int t = 0; t < slots; t++) {
            renewable[t] = Math.max(0, fleetMax * 0.5 * Math.sin(Math.PI * (t - slots / 4.0) / (slots / 2.0)));
            price[t] = 0.20 + 0.10 * Math.sin(2 * Math.PI * t / slots) + 0.01 * rnd.nextInt(5);
        }
        return b.renewableW(renewable).priceEurPerKWh(price).build();
    }
}
