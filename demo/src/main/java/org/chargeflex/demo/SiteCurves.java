package org.chargeflex.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo site's generated curves over the simulated day, as steps of {@link #STEP_MS} (simulated): a day-ahead-like
 * price curve for TARIFF (cheap night and midday, expensive morning and evening) and a PV-shaped forecast for
 * RENEWABLE (a half sine from 06:00 to 18:00 peaking at noon, its day's energy {@link #PV_SHARE} of the fleet's
 * demand). Sent to the CIO's planning API in wall-clock time ({@link #planningBody}) and used to rate a load profile
 * ({@link #costEur}, {@link #renewableWh}).
 */
final class SiteCurves {
    /** Step of the curves, simulated ms (a quarter of an hour). */
    static final long STEP_MS = 15 * 60_000L;
    static final long DAY_MS = 24 * 3_600_000L;
    /** The PV forecast's day energy as a fraction of the fleet's demand. */
    static final double PV_SHARE = 0.5;

    private final DemoOptions.Objective objective;
    private final double pvPeakW;

    SiteCurves(DemoOptions.Objective objective, double fleetDemandWh) {
        this.objective = objective;
        // a half sine over 12 h holds peak * 12 h * 2 / pi
        this.pvPeakW = PV_SHARE * fleetDemandWh / (12 * 2 / Math.PI);
    }

    /** Energy price at a simulated time of day, EUR per kWh (hour of the day, repeating after 24 h). */
    static double price(long simMs) {
        double h = Math.floorMod(simMs, DAY_MS) / 3_600_000.0;
        if (h < 6) {
            return 0.14; // night
        } else if (h < 10) {
            return 0.36; // morning ramp
        } else if (h < 15) {
            return 0.12; // midday solar dip
        } else if (h < 21) {
            return 0.42; // evening peak
        }
        return 0.24;
    }

    /** The PV forecast at a simulated time of day, W. */
    double renewableW(long simMs) {
        double h = Math.floorMod(simMs, DAY_MS) / 3_600_000.0;
        return h <= 6 || h >= 18 ? 0 : pvPeakW * Math.sin(Math.PI * (h - 6) / 12);
    }

    double pvPeakW() {
        return pvPeakW;
    }

    /** The PUT body of {@code .../grid-connection-points/{id}/planning} from simulated {@code fromMs} to {@code toMs}. */
    Map<String, Object> planningBody(Clock clock, long fromMs, long toMs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objective", objective.name());
        List<Map<String, Object>> points = new ArrayList<>();
        for (long t = fromMs - Math.floorMod(fromMs, STEP_MS); t <= toMs + STEP_MS; t += STEP_MS) {
            long mid = t + STEP_MS / 2; // the step's value: its middle (the PV curve changes within a step)
            String from = clock.wall(t).toString();
            switch (objective) {
                case TARIFF -> points.add(Map.of("from", from, "pricePerKWh", price(mid)));
                case RENEWABLE -> points.add(Map.of("from", from, "valueW", Math.round(renewableW(mid))));
                default -> { }
            }
        }
        switch (objective) {
            case TARIFF -> body.put("prices", points);
            case RENEWABLE -> body.put("renewableForecast", points);
            default -> { }
        }
        return body;
    }

    /** What a load profile (power per simulated interval) costs at the price curve, EUR. */
    static double costEur(List<double[]> profile) {
        double eur = 0;
        for (double[] p : profile) {
            eur += p[2] / 1000 * (p[1] - p[0]) / 3.6e6 * price(Math.round((p[0] + p[1]) / 2));
        }
        return eur;
    }

    /** How much of a load profile the PV forecast covers, Wh. */
    double renewableWh(List<double[]> profile) {
        double wh = 0;
        for (double[] p : profile) {
            wh += Math.min(p[2], renewableW(Math.round((p[0] + p[1]) / 2))) * (p[1] - p[0]) / 3.6e6;
        }
        return wh;
    }

    /** The energy of a load profile, Wh. */
    static double energyWh(List<double[]> profile) {
        return profile.stream().mapToDouble(p -> p[2] * (p[1] - p[0]) / 3.6e6).sum();
    }

    /**
     * Uncontrolled charging as a profile of {@link #STEP_MS}-long simulated intervals (from, to, W): every EV at full
     * power from arrival until its demand is met or it leaves (intervals partly covered count pro rata).
     */
    static List<double[]> uncontrolled(List<Visit> visits) {
        long end = visits.stream().mapToLong(Visit::uncontrolledEndMs).max().orElse(0);
        List<double[]> out = new ArrayList<>();
        long step = 60_000L; // one simulated minute
        for (long t = 0; t < end; t += step) {
            double w = 0;
            for (Visit v : visits) {
                long a = Math.max(t, v.arrivalMs());
                long b = Math.min(t + step, v.uncontrolledEndMs());
                if (b > a) {
                    w += v.maxPowerW() * (b - a) / step;
                }
            }
            if (w > 0) {
                out.add(new double[] {t, t + step, w});
            }
        }
        return out;
    }
}
