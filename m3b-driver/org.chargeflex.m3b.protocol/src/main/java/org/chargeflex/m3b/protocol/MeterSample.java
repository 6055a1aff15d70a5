package org.chargeflex.m3b.protocol;

import java.util.Arrays;
import org.chargeflex.m3b.protocol.internal.Checks;

/**
 * One reading of an outlet's meter: per-phase voltage (V, 0.1 V resolution on the wire), current (A, 0.01 A) and
 * active power (W, 1 W), and the total energy delivered (Wh). Build with {@link #builder(int)}.
 */
public final class MeterSample {
    public static final double MAX_VOLTAGE = 6553.5;
    public static final double MAX_CURRENT = 655.35;

    private final int outlet;
    private final double[] voltage;
    private final double[] current;
    private final double[] power;
    private final long energyWh;

    private MeterSample(Builder b) {
        this.outlet = b.outlet;
        this.voltage = b.voltage.clone();
        this.current = b.current.clone();
        this.power = b.power.clone();
        this.energyWh = b.energyWh;
    }

    public static Builder builder(int outlet) {
        return new Builder(outlet);
    }

    public int outlet() {
        return outlet;
    }

    /** @param phase 1..3 */
    public double voltage(int phase) {
        return voltage[index(phase)];
    }

    public double current(int phase) {
        return current[index(phase)];
    }

    public double power(int phase) {
        return power[index(phase)];
    }

    public double totalPower() {
        return power[0] + power[1] + power[2];
    }

    public long energyWh() {
        return energyWh;
    }

    private static int index(int phase) {
        return Checks.range("phase", phase, 1, 3) - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeterSample m && m.outlet == outlet && m.energyWh == energyWh
                && Arrays.equals(m.voltage, voltage) && Arrays.equals(m.current, current)
                && Arrays.equals(m.power, power);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(power) * 31 + Long.hashCode(energyWh) + outlet;
    }

    @Override
    public String toString() {
        return "MeterSample{outlet=" + outlet + ", V=" + Arrays.toString(voltage) + ", A=" + Arrays.toString(current)
                + ", W=" + Arrays.toString(power) + ", " + energyWh + " Wh}";
    }

    /** Fluent builder; every setter validates its argument, so a built sample always fits the wire format. */
    public static final class Builder {
        private final int outlet;
        private final double[] voltage = new double[3];
        private final double[] current = new double[3];
        private final double[] power = new double[3];
        private long energyWh;

        private Builder(int outlet) {
            this.outlet = Checks.outlet(outlet);
        }

        public Builder voltage(int phase, double volts) {
            voltage[index(phase)] = Math.round(Checks.range("voltage L" + phase, volts, 0, MAX_VOLTAGE) * 10) / 10.0;
            return this;
        }

        public Builder current(int phase, double amps) {
            current[index(phase)] = Math.round(Checks.range("current L" + phase, amps, 0, MAX_CURRENT) * 100)
                    / 100.0;
            return this;
        }

        public Builder power(int phase, double watts) {
            power[index(phase)] = Math.round(Checks.range("power L" + phase, watts, Integer.MIN_VALUE,
                    Integer.MAX_VALUE));
            return this;
        }

        public Builder energyWh(long wh) {
            this.energyWh = Checks.range("energy", wh, 0, Long.MAX_VALUE);
            return this;
        }

        public MeterSample build() {
            return new MeterSample(this);
        }
    }
}
