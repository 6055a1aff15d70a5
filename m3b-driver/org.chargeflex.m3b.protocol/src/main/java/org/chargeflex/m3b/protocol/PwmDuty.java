package org.chargeflex.m3b.protocol;

import java.util.Locale;

/**
 * The duty cycle of the control pilot PWM, in tenths of a percent (per mille), and the current limit it advertises
 * per IEC 61851-1: 10..85 % means {@code I = 0.6 A * d}, above 85 % up to 96 % means {@code I = (d - 64) * 2.5 A};
 * 5 % asks for digital communication and 100 % (a steady +12 V, no PWM) means no charging. Every other duty cycle is
 * refused, as are current limits outside 6..80 A (0 A stands for "no charging").
 */
public final class PwmDuty {
    public static final double MIN_CURRENT = 6.0;
    public static final double MAX_CURRENT = 80.0;
    /** 100 %: steady +12 V, charging not allowed. */
    public static final PwmDuty NO_CHARGING = new PwmDuty(1000);
    /** 5 %: the EV must use digital communication (ISO 15118) for the limit. */
    public static final PwmDuty DIGITAL_COMMUNICATION = new PwmDuty(50);

    private final int permille;

    private PwmDuty(int permille) {
        this.permille = permille;
    }

    /** @throws IllegalArgumentException unless 50, 100..960 or 1000 per mille */
    public static PwmDuty ofPermille(int permille) {
        if (permille == 50 || permille == 1000 || (permille >= 100 && permille <= 960)) {
            return new PwmDuty(permille);
        }
        throw new IllegalArgumentException("PWM duty " + format(permille) + " % is not allowed by IEC 61851-1: use 5 %"
                + " (digital communication), 10..96 % (a current limit) or 100 % (no charging)");
    }

    /** The duty in percent, rounded to 0.1 %. */
    public static PwmDuty ofPercent(double percent) {
        if (!Double.isFinite(percent)) {
            throw new IllegalArgumentException("PWM duty must be a finite number of percent, got " + percent);
        }
        return ofPermille((int) Math.round(percent * 10));
    }

    /**
     * The duty that advertises the largest current not above {@code amps} (rounded down to the PWM's 0.1 % steps, so
     * the EV is never allowed more than asked for). 0 A gives {@link #NO_CHARGING}.
     *
     * @throws IllegalArgumentException for a limit that is not 0 and outside 6..80 A
     */
    public static PwmDuty forCurrentLimit(double amps) {
        if (amps == 0) {
            return NO_CHARGING;
        }
        if (!Double.isFinite(amps) || amps < MIN_CURRENT || amps > MAX_CURRENT) {
            throw new IllegalArgumentException("current limit " + amps + " A is outside IEC 61851-1's " + MIN_CURRENT
                    + ".." + MAX_CURRENT + " A (or 0 A for no charging)");
        }
        if (amps <= 51.0) {
            return new PwmDuty((int) Math.floor(amps / 0.6 * 10 + 1e-9));
        }
        int permille = (int) Math.floor((amps / 2.5 + 64) * 10 + 1e-9);
        return new PwmDuty(Math.max(850, permille));
    }

    public int permille() {
        return permille;
    }

    public double percent() {
        return permille / 10.0;
    }

    /** The advertised current limit in amperes; 0 for 5 % and 100 %. */
    public double currentLimit() {
        if (!allowsCharging()) {
            return 0;
        }
        double d = percent();
        double amps = permille <= 850 ? 0.6 * d : (d - 64) * 2.5;
        return Math.round(amps * 1000) / 1000.0;
    }

    /** True for 10..96 %: a PWM that advertises a current limit. */
    public boolean allowsCharging() {
        return permille >= 100 && permille <= 960;
    }

    public boolean isDigitalCommunication() {
        return permille == 50;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PwmDuty p && p.permille == permille;
    }

    @Override
    public int hashCode() {
        return permille;
    }

    @Override
    public String toString() {
        return format(permille) + " %";
    }

    private static String format(int permille) {
        return String.format(Locale.ROOT, "%.1f", permille / 10.0);
    }
}
