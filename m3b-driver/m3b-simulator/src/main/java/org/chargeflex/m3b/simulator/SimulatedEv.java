package org.chargeflex.m3b.simulator;

import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.PwmDuty;

/**
 * The EV behind one outlet. It asks for energy (CP state C) while the PWM advertises a current and its battery is
 * not full, and draws the smallest of the advertised limit, its own maximum and its charging curve, which tapers
 * linearly from 80 % state of charge down to a 1 A trickle until full. It reacts to a PWM change only after its reaction delay.
 */
final class SimulatedEv {
    private static final double TAPER_START = 0.8;
    private static final double TRICKLE = 1.0;
    private final EvSpec spec;
    private double soc;
    private CpState state = CpState.B;
    private double appliedLimit;
    private PwmDuty seenPwm = PwmDuty.NO_CHARGING;
    private long reactAt = Long.MAX_VALUE;

    SimulatedEv(EvSpec spec) {
        this.spec = spec;
        this.soc = spec.initialSoc();
    }

    EvSpec spec() {
        return spec;
    }

    double soc() {
        return soc;
    }

    CpState state() {
        return state;
    }

    /** Notes the current PWM; a change takes effect after the reaction delay. */
    void observe(PwmDuty pwm, long now) {
        if (!pwm.equals(seenPwm)) {
            seenPwm = pwm;
            reactAt = now + spec.reactionDelayMillis();
        }
        if (now >= reactAt) {
            appliedLimit = pwm.currentLimit();
            reactAt = Long.MAX_VALUE;
        }
        boolean wants = appliedLimit > 0 && soc < 1.0;
        state = wants ? CpState.C : CpState.B;
    }

    /** The current per phase it draws right now, given whether the contactor is closed. */
    double current(boolean contactorClosed) {
        if (!contactorClosed || state != CpState.C) {
            return 0;
        }
        double curve = soc < TAPER_START ? spec.maxCurrent()
                : Math.max(TRICKLE, spec.maxCurrent() * (1 - soc) / (1 - TAPER_START));
        return Math.max(0, Math.min(Math.min(appliedLimit, spec.maxCurrent()), curve));
    }

    void charge(double wh) {
        soc = Math.min(1.0, soc + wh / spec.capacityWh());
    }
}
