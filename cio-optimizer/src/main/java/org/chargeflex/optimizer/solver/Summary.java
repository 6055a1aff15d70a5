package org.chargeflex.optimizer.solver;

/**
 * Key figures of a plan.
 *
 * @param peakW              the highest total of base load + charging at the root over the horizon, W
 * @param uncontrolledPeakW  the same if every EV charged at full power from its arrival (no limits), W
 * @param energyDeliveredWh  the energy all schedules deliver, Wh
 * @param shortfallWh        the demand they cannot deliver, Wh
 * @param costEur            the charging energy's cost under the price curve (0 without prices), EUR
 * @param renewableEnergyWh  charging energy covered by the renewable forecast left after the base load, Wh
 * @param solveMillis        the time the solver took, ms
 */
public record Summary(double peakW, double uncontrolledPeakW, double energyDeliveredWh, double shortfallWh,
        double costEur, double renewableEnergyWh, long solveMillis) {
}
