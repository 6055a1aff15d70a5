package org.chargeflex.optimizer.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/**
 * Seeded realistic fleets over one day from {@code start} (midnight): workplace charging (arrival around 08:00-09:00,
 * departure around 17:00), residential/overnight (plugged in since the night until around 07:00, or arriving in the
 * evening and staying beyond the horizon), and car sharing (short stays during the day). Outlets of 3.7, 11 and 22 kW;
 * about 9 kWh per session on average. Limits: two outlets per station (22 kW), 20 stations per grid connection point
 * (limit 40 % of its outlets, with an office base load), one transformer over all (60 % of its connection points).
 */
public final class FleetGenerator {
    private final int sessions;
    private final long seed;
    private final Instant start;
    private final int slots;
    private final Objective objective;

    private FleetGenerator(Builder b) {
        this.sessions = b.sessions;
        this.seed = b.seed;
        this.start = b.start;
        this.slots = b.slots;
        this.objective = b.objective;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; defaults: 100 sessions, seed 1, 2026-11-25T00:00Z, 96 slots of 15 min, PEAK. */
    public static final class Builder {
        private int sessions = 100;
        private long seed = 1;
        private Instant start = Instant.parse("2026-11-25T00:00:00Z");
        private int slots = 96;
        private Objective objective = Objective.PEAK;

        public Builder sessions(int n) {
            if (n < 0 || n > 1_000_000) {
                throw new IllegalArgumentException("sessions must be 0 to 1000000, was " + n);
            }
            this.sessions = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder start(Instant start) {
            this.start = java.util.Objects.requireNonNull(start, "start is required");
            return this;
        }

        public Builder objective(Objective objective) {
            this.objective = java.util.Objects.requireNonNull(objective, "objective is required");
            return this;
        }

        public FleetGenerator build() {
            return new FleetGenerator(this);
        }
    }

    public Problem generate() {
        Random rnd = new Random(seed);
        int stations = Math.max(1, (sessions + 1) / 2);
        int gcps = Math.max(1, (stations + 19) / 20);
        Problem.Builder b = Problem.builder(start, slots).objective(objective);
        double hours = 0.25;
        double[] office = new double[slots];
        double[] pv = new double[slots];
        double[] price = new double[slots];
        for (int t = 0; t < slots; t++) {
            double h = t * hours;
            office[t] = h >= 7 && h < 19 ? 25_000 : 8_000;
            pv[t] = h > 7 && h < 17 ? 40_000.0 * gcps * Math.sin(Math.PI * (h - 7) / 10) : 0;
            price[t] = h >= 7 && h < 21 ? 0.32 : 0.22;
        }
        b.node(LimitNode.builder("trafo", slots).maxPowerW(0.6 * gcps * (0.4 * 20 * 44_000 + 25_000)).build());
        for (int g = 0; g < gcps; g++) {
            b.node(LimitNode.builder("gcp" + g, slots).parent("trafo").maxPowerW(0.4 * 20 * 44_000 + 25_000)
                    .baseLoadW(office).build());
        }
        for (int k = 0; k < stations; k++) {
            b.node(LimitNode.builder("st" + k, slots).parent("gcp" + (k / 20)).maxPowerW(22_000).build());
        }
        for (int i = 0; i < sessions; i++) {
            b.session(session(rnd, i, "st" + (i / 2)));
        }
        return b.renewableW(pv).priceEurPerKWh(price).build();
    }

    private Session session(Random rnd, int i, String station) {
        double kind = rnd.nextDouble();
        double arrivalH;
        double departureH;
        double outlet;
        double meanKWh;
        if (kind < 0.5) { // workplace
            arrivalH = clamp(8.5 + 0.4 * rnd.nextGaussian(), 7, 10);
            departureH = clamp(17 + 0.6 * rnd.nextGaussian(), 15, 20);
            outlet = rnd.nextDouble() < 0.7 ? 11_000 : 22_000;
            meanKWh = 11;
        } else if (kind < 0.8) { // residential / overnight
            outlet = rnd.nextDouble() < 0.5 ? 3_700 : 11_000;
            meanKWh = 9;
            if (rnd.nextBoolean()) {
                arrivalH = 0;
                departureH = clamp(7 + 0.5 * rnd.nextGaussian(), 5.5, 8.5);
            } else {
                arrivalH = clamp(18.5 + 1.2 * rnd.nextGaussian(), 16, 22.5);
                departureH = 24 + clamp(7 + 0.5 * rnd.nextGaussian(), 5.5, 8.5);
            }
        } else { // car sharing: short stays
            arrivalH = 7 + 14 * rnd.nextDouble();
            departureH = arrivalH + 0.5 + 1.5 * rnd.nextDouble();
            outlet = rnd.nextDouble() < 0.5 ? 11_000 : 22_000;
            meanKWh = 5;
        }
        double evMax = outlet == 22_000 && rnd.nextDouble() < 0.4 ? 11_000 : outlet;
        double inHorizon = Math.max(0, Math.min(departureH, 24) - arrivalH);
        double energyWh = Math.min(1000 * meanKWh * Math.exp(0.4 * rnd.nextGaussian() - 0.08),
                0.9 * Math.min(evMax, outlet) * inHorizon);
        Instant arrival = start.plus(Duration.ofSeconds(Math.round(arrivalH * 3600)));
        Instant departure = start.plus(Duration.ofSeconds(Math.round(departureH * 3600)));
        return Session.builder("ev" + i).node(station).window(arrival, departure).energyWh(Math.round(energyWh))
                .maxPowerW(evMax).outletMaxPowerW(outlet).phases(outlet == 3_700 ? 1 : 3).build();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
