package org.chargeflex.demo;

import java.util.List;
import java.util.Locale;

/**
 * How well a run met the site's objective, with load management (the CIO's meter data) vs uncontrolled charging (every
 * EV at full power from arrival, from the scenario): for TARIFF the energy cost at the demo's price curve, for
 * RENEWABLE the share of the energy the PV forecast covers.
 *
 * @param objective          the run's objective
 * @param managedWh          energy with load management (meter data), Wh
 * @param managedValue       TARIFF: cost with load management, EUR; RENEWABLE: energy covered by the forecast, Wh
 * @param uncontrolledWh     energy uncontrolled, Wh
 * @param uncontrolledValue  the same as {@code managedValue}, uncontrolled
 */
public record ObjectiveRating(DemoOptions.Objective objective, double managedWh, double managedValue,
        double uncontrolledWh, double uncontrolledValue) {

    /** Rates the measured profile and the uncontrolled one (intervals of simulated ms: from, to, W). */
    static ObjectiveRating of(SiteCurves curves, DemoOptions.Objective objective, List<double[]> managed,
            List<double[]> uncontrolled) {
        return switch (objective) {
            case TARIFF -> new ObjectiveRating(objective, SiteCurves.energyWh(managed), SiteCurves.costEur(managed),
                    SiteCurves.energyWh(uncontrolled), SiteCurves.costEur(uncontrolled));
            case RENEWABLE -> new ObjectiveRating(objective, SiteCurves.energyWh(managed), curves.renewableWh(managed),
                    SiteCurves.energyWh(uncontrolled), curves.renewableWh(uncontrolled));
            case PEAK -> null;
        };
    }

    String format() {
        if (objective == DemoOptions.Objective.TARIFF) {
            return String.format(Locale.ROOT, "energy cost     %.2f EUR for %.1f kWh (%.3f EUR/kWh) with load management "
                    + "vs %.2f EUR for %.1f kWh (%.3f EUR/kWh) uncontrolled, at the demo's price curve%n", managedValue,
                    managedWh / 1000, perKWh(managedValue, managedWh), uncontrolledValue, uncontrolledWh / 1000,
                    perKWh(uncontrolledValue, uncontrolledWh));
        }
        return String.format(Locale.ROOT, "renewable share %.0f %% of %.1f kWh from the PV forecast with load management "
                + "vs %.0f %% of %.1f kWh uncontrolled%n", share(managedValue, managedWh), managedWh / 1000,
                share(uncontrolledValue, uncontrolledWh), uncontrolledWh / 1000);
    }

    private static double perKWh(double eur, double wh) {
        return wh <= 0 ? 0 : eur / (wh / 1000);
    }

    private static double share(double part, double wh) {
        return wh <= 0 ? 0 : 100 * part / wh;
    }
}
