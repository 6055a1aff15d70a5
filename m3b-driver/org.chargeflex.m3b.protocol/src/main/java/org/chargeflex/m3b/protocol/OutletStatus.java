package org.chargeflex.m3b.protocol;

import java.util.Objects;
import java.util.Set;
import org.chargeflex.m3b.protocol.internal.Checks;

/**
 * The state of one outlet: CP state, PWM duty, contactor and plug lock, fault mask, board temperature (°C, 0.1 °C on
 * the wire) and the user id last presented (RFID; "" for none). Build with {@link #builder(int)}.
 */
public final class OutletStatus {
    private final int outlet;
    private final CpState cpState;
    private final PwmDuty pwm;
    private final boolean contactorClosed;
    private final boolean plugLocked;
    private final int faultMask;
    private final double temperature;
    private final String userId;

    private OutletStatus(Builder b) {
        this.outlet = b.outlet;
        this.cpState = Checks.notNull("cpState", b.cpState);
        this.pwm = b.pwm;
        this.contactorClosed = b.contactorClosed;
        this.plugLocked = b.plugLocked;
        this.faultMask = b.faultMask;
        this.temperature = b.temperature;
        this.userId = b.userId;
    }

    public static Builder builder(int outlet) {
        return new Builder(outlet);
    }

    public int outlet() {
        return outlet;
    }

    public CpState cpState() {
        return cpState;
    }

    public PwmDuty pwm() {
        return pwm;
    }

    public boolean contactorClosed() {
        return contactorClosed;
    }

    public boolean plugLocked() {
        return plugLocked;
    }

    public int faultMask() {
        return faultMask;
    }

    public Set<FaultFlag> faults() {
        return FaultFlag.fromMask(faultMask);
    }

    public double temperature() {
        return temperature;
    }

    public String userId() {
        return userId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutletStatus s && s.outlet == outlet && s.cpState == cpState && s.pwm.equals(pwm)
                && s.contactorClosed == contactorClosed && s.plugLocked == plugLocked && s.faultMask == faultMask
                && Double.compare(s.temperature, temperature) == 0 && s.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outlet, cpState, pwm, contactorClosed, plugLocked, faultMask, temperature, userId);
    }

    @Override
    public String toString() {
        return "OutletStatus{outlet=" + outlet + ", CP " + cpState + ", PWM " + pwm + ", contactor "
                + (contactorClosed ? "closed" : "open") + ", lock " + (plugLocked ? "locked" : "unlocked")
                + ", faults " + faults() + ", " + temperature + " °C, user '" + userId + "'}";
    }

    /** Fluent builder; validates each field. The CP state is required; the rest default to a safe idle outlet. */
    public static final class Builder {
        private final int outlet;
        private CpState cpState;
        private PwmDuty pwm = PwmDuty.NO_CHARGING;
        private boolean contactorClosed;
        private boolean plugLocked;
        private int faultMask;
        private double temperature = 25.0;
        private String userId = "";

        private Builder(int outlet) {
            this.outlet = Checks.outlet(outlet);
        }

        public Builder cpState(CpState state) {
            this.cpState = Checks.notNull("cpState", state);
            return this;
        }

        public Builder pwm(PwmDuty duty) {
            this.pwm = Checks.notNull("pwm", duty);
            return this;
        }

        public Builder contactorClosed(boolean closed) {
            this.contactorClosed = closed;
            return this;
        }

        public Builder plugLocked(boolean locked) {
            this.plugLocked = locked;
            return this;
        }

        public Builder faultMask(int mask) {
            this.faultMask = Checks.range("fault mask", mask, 0, 0xFFFF);
            return this;
        }

        public Builder temperature(double celsius) {
            this.temperature = Math.round(Checks.range("temperature", celsius, -3276.8, 3276.7) * 10) / 10.0;
            return this;
        }

        public Builder userId(String id) {
            this.userId = Checks.shortString("user id", id);
            return this;
        }

        public OutletStatus build() {
            return new OutletStatus(this);
        }
    }
}
