package org.chargeflex.optimizer.model;

import java.time.Instant;

/**
 * One pending or ongoing charging process.
 *
 * @param id               unique within the problem
 * @param nodeId           the limit node (usually the station) the outlet hangs under
 * @param arrival          when the EV is (or was) plugged in
 * @param departure        the planned departure; nothing is charged after it
 * @param energyWh         energy still needed, Wh
 * @param minPowerW        the EV's minimum power when charging (0 = any power), W
 * @param maxPowerW        the EV's maximum power, W
 * @param phases           phases in use, 1 to 3 (for the conversion to current)
 * @param outletMaxPowerW  the outlet's hardware limit, W
 */
public record Session(String id, String nodeId, Instant arrival, Instant departure, double energyWh, double minPowerW,
        double maxPowerW, int phases, double outletMaxPowerW) {

    public Session {
        Checks.id(id, "session.id");
        Checks.id(nodeId, "session " + id + ": nodeId");
        Checks.required(arrival, "session " + id + ": arrival");
        Checks.required(departure, "session " + id + ": departure");
        if (departure.isBefore(arrival)) {
            throw new IllegalArgumentException("session " + id + ": departure (" + departure + ") is before arrival ("
                    + arrival + ")");
        }
        Checks.nonNegative(energyWh, "session " + id + ": energyWh");
        Checks.nonNegative(minPowerW, "session " + id + ": minPowerW");
        Checks.positive(maxPowerW, "session " + id + ": maxPowerW");
        Checks.positive(outletMaxPowerW, "session " + id + ": outletMaxPowerW");
        if (phases < 1 || phases > 3) {
            throw new IllegalArgumentException("session " + id + ": phases must be 1, 2 or 3, was " + phases);
        }
        if (minPowerW > Math.min(maxPowerW, outletMaxPowerW)) {
            throw new IllegalArgumentException("session " + id + ": minPowerW (" + minPowerW
                    + ") exceeds the maximum of EV and outlet (" + Math.min(maxPowerW, outletMaxPowerW) + ")");
        }
    }

    /** The highest power the session may draw: the lower of the EV's and the outlet's limit, W. */
    public double effectiveMaxPowerW() {
        return Math.min(maxPowerW, outletMaxPowerW);
    }

    /** This session with another energy demand and arrival (used when re-planning the rest of the horizon). */
    public Session remaining(Instant newArrival, double remainingEnergyWh) {
        Instant a = newArrival.isAfter(arrival) ? newArrival : arrival;
        Instant d = departure.isBefore(a) ? a : departure;
        return new Session(id, nodeId, a, d, Math.max(0, remainingEnergyWh), minPowerW, maxPowerW, phases, outletMaxPowerW);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent builder; defaults: 3 phases, no minimum power, outlet limit = EV limit. */
    public static final class Builder {
        private final String id;
        private String nodeId;
        private Instant arrival;
        private Instant departure;
        private double energyWh;
        private double minPowerW;
        private double maxPowerW = Double.NaN;
        private int phases = 3;
        private double outletMaxPowerW = Double.NaN;

        private Builder(String id) {
            this.id = Checks.id(id, "session.id");
        }

        public Builder node(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder window(Instant arrival, Instant departure) {
            this.arrival = arrival;
            this.departure = departure;
            return this;
        }

        public Builder energyWh(double energyWh) {
            this.energyWh = energyWh;
            return this;
        }

        public Builder power(double minPowerW, double maxPowerW) {
            this.minPowerW = minPowerW;
            this.maxPowerW = maxPowerW;
            return this;
        }

        public Builder maxPowerW(double maxPowerW) {
            this.maxPowerW = maxPowerW;
            return this;
        }

        public Builder phases(int phases) {
            this.phases = phases;
            return this;
        }

        public Builder outletMaxPowerW(double outletMaxPowerW) {
            this.outletMaxPowerW = outletMaxPowerW;
            return this;
        }

        public Session build() {
            if (Double.isNaN(maxPowerW)) {
                throw new IllegalArgumentException("session " + id + ": maxPowerW is required");
            }
            double outlet = Double.isNaN(outletMaxPowerW) ? maxPowerW : outletMaxPowerW;
            return new Session(id, nodeId, arrival, departure, energyWh, minPowerW, maxPowerW, phases, outlet);
        }
    }
}
