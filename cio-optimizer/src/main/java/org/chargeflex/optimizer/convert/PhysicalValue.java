package org.chargeflex.optimizer.convert;

/**
 * ISO 15118-2 PhysicalValueType: {@code value * 10^multiplier unit}, value a 16-bit integer.
 *
 * @param multiplier -3 to 3
 * @param unit       "W"
 * @param value      -32768 to 32767
 */
public record PhysicalValue(int multiplier, String unit, int value) {

    /** The value in the unit. */
    public double asDouble() {
        return value * Math.pow(10, multiplier);
    }

    /** The largest representable value not above {@code watts} with the smallest multiplier that fits 16 bits. */
    public static PhysicalValue wattsAtMost(double watts) {
        for (int m = 0; m <= 3; m++) {
            double v = Math.floor(watts / Math.pow(10, m) + 1e-9);
            if (v <= Short.MAX_VALUE) {
                return new PhysicalValue(m, "W", (int) Math.max(0, v));
            }
        }
        throw new IllegalArgumentException("power " + watts + " W does not fit a PhysicalValue");
    }
}
