package org.chargeflex.m3b.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.FaultFlag;
import org.chargeflex.m3b.protocol.MeterSample;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.m3b.protocol.PwmDuty;

/** One outlet of the board: CP and PWM, contactor, plug lock, faults, meter, and the EV plugged in (if any). */
final class SimulatedOutlet {
    static final double NOMINAL_VOLTAGE = 230.0;
    private final int index;
    private final Random noise;
    private SimulatedEv ev;
    private CpState cpState = CpState.A;
    private CpState injectedCp;
    private PwmDuty pwm = PwmDuty.NO_CHARGING;
    private boolean contactorClosed;
    private boolean plugLocked;
    private int faultMask;
    private String userId = "";
    private double energyWh;
    private final double[] voltage = {NOMINAL_VOLTAGE, NOMINAL_VOLTAGE, NOMINAL_VOLTAGE};
    private final double[] current = new double[3];
    private final List<CanFrame> canFromHost = new ArrayList<>();

    SimulatedOutlet(int index, long seed) {
        this.index = index;
        this.noise = new Random(seed);
    }

    int index() {
        return index;
    }

    /** Advances the EV and the meter by dt of simulated time; returns the CP state measured now. */
    CpState step(long now, double simulatedHours) {
        if (ev != null) {
            ev.observe(pwm, now);
        }
        double totalPower = 0;
        for (int p = 0; p < 3; p++) {
            voltage[p] = Math.round((NOMINAL_VOLTAGE + noise.nextGaussian()) * 10) / 10.0;
            boolean phaseUsed = ev != null && p < ev.spec().phases();
            current[p] = phaseUsed ? Math.round(ev.current(contactorClosed) * 100) / 100.0 : 0;
            totalPower += voltage[p] * current[p];
        }
        double wh = totalPower * simulatedHours;
        energyWh += wh;
        if (ev != null) {
            ev.charge(wh);
        }
        cpState = injectedCp != null ? injectedCp : ev == null ? CpState.A : ev.state();
        return cpState;
    }

    CpState cpState() {
        return cpState;
    }

    void plugIn(EvSpec spec) {
        this.ev = new SimulatedEv(spec);
    }

    void unplug() {
        this.ev = null;
    }

    SimulatedEv ev() {
        return ev;
    }

    void injectCp(CpState state) {
        this.injectedCp = state;
    }

    PwmDuty pwm() {
        return pwm;
    }

    void pwm(PwmDuty duty) {
        this.pwm = duty;
    }

    boolean contactorClosed() {
        return contactorClosed;
    }

    void contactor(boolean closed) {
        this.contactorClosed = closed;
    }

    boolean plugLocked() {
        return plugLocked;
    }

    void lock(boolean locked) {
        this.plugLocked = locked;
    }

    int faultMask() {
        return faultMask;
    }

    void faultMask(int mask) {
        this.faultMask = mask;
    }

    void setFault(FaultFlag f, boolean on) {
        faultMask = on ? faultMask | f.mask() : faultMask & ~f.mask();
    }

    String userId() {
        return userId;
    }

    void userId(String id) {
        this.userId = id;
    }

    double energyWh() {
        return energyWh;
    }

    List<CanFrame> canFromHost() {
        return canFromHost;
    }

    double temperature() {
        return 25.0 + 0.2 * (current[0] + current[1] + current[2]);
    }

    OutletStatus status() {
        return OutletStatus.builder(index).cpState(cpState).pwm(pwm).contactorClosed(contactorClosed)
                .plugLocked(plugLocked).faultMask(faultMask).temperature(temperature()).userId(userId).build();
    }

    MeterSample meter() {
        MeterSample.Builder b = MeterSample.builder(index).energyWh((long) Math.floor(energyWh));
        for (int p = 1; p <= 3; p++) {
            b.voltage(p, voltage[p - 1]).current(p, current[p - 1])
                    .power(p, Math.round(voltage[p - 1] * current[p - 1]));
        }
        return b.build();
    }
}
