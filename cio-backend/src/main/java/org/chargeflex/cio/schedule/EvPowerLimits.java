package org.chargeflex.cio.schedule;

import org.chargeflex.cio.contract.EvParameters;

/**
 * The EV's power range as the CIO plans it. The station turns a schedule's power into a current with the phase voltage
 * it MEASURES; the EV pauses below its minimum current (IEC 61851: usually 6 A). So the CIO plans the minimum power of
 * a minimum current at the highest phase voltage EN 50160 allows ({@value #HIGHEST_PHASE_VOLTAGE_V} V, 230 V + 10 %):
 * planned at 230 V, 6 A x 3 x 230 V = 4 140 W would be 5.87 A at 235 V and pause the EV. Maxima stay at the nominal
 * 230 V (a lower plan only charges a little slower; the EV never draws more than its own maximum current). The request
 * path stores the result with the session, so the joint re-planner and the forwarding validation use it too.
 */
final class EvPowerLimits {
    /** The highest phase-to-neutral voltage EN 50160 allows at a connection point (230 V + 10 %), V. */
    static final double HIGHEST_PHASE_VOLTAGE_V = 253.0;

    private EvPowerLimits() {
    }

    /** The EV's maximum power, W: its limits at the nominal 230 V. */
    static double maxPowerW(EvParameters ev) {
        return ev.maxPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V);
    }

    /** Whether the EV's minimum (at the nominal voltage) exceeds its maximum: a request that cannot be planned. */
    static boolean minimumExceedsMaximum(EvParameters ev) {
        return ev.minPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V) > maxPowerW(ev);
    }

    /**
     * The EV's minimum power to plan, W: its minimum current at {@value #HIGHEST_PHASE_VOLTAGE_V} V (or its minimum
     * power, if higher), at most its maximum (an EV whose maximum is less than 10 % above its minimum is planned at its
     * maximum, and may still pause near 253 V).
     */
    static double plannedMinPowerW(EvParameters ev) {
        return Math.min(ev.minPowerW(HIGHEST_PHASE_VOLTAGE_V), maxPowerW(ev));
    }
}
