package org.chargeflex.station.driver.m3b;

import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.MeterSample;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.station.api.Value;

/** Turns protocol data into channel values. */
final class ChannelValues {
    private ChannelValues() {
    }

    static Value of(ChannelKind k, OutletStatus s) {
        return switch (k) {
            case CP_STATE -> Value.of(s.cpState().name());
            case PWM_DUTY -> Value.of(s.pwm().percent());
            case CURRENT_LIMIT -> Value.of(s.pwm().currentLimit());
            case CONTACTOR -> Value.of(s.contactorClosed());
            case PLUG_LOCK -> Value.of(s.plugLocked());
            case USER_ID -> Value.of(s.userId());
            case TEMPERATURE -> Value.of(s.temperature());
            case FAULT_FLAGS -> Value.of((long) s.faultMask());
            default -> throw new IllegalArgumentException(k + " is not a status channel");
        };
    }

    static Value of(ChannelKind k, MeterSample m) {
        return switch (k) {
            case VOLTAGE_L1 -> Value.of(m.voltage(1));
            case VOLTAGE_L2 -> Value.of(m.voltage(2));
            case VOLTAGE_L3 -> Value.of(m.voltage(3));
            case CURRENT_L1 -> Value.of(m.current(1));
            case CURRENT_L2 -> Value.of(m.current(2));
            case CURRENT_L3 -> Value.of(m.current(3));
            case POWER_L1 -> Value.of(m.power(1));
            case POWER_L2 -> Value.of(m.power(2));
            case POWER_L3 -> Value.of(m.power(3));
            case POWER -> Value.of(m.totalPower());
            case ENERGY -> Value.of(m.energyWh());
            default -> throw new IllegalArgumentException(k + " is not a meter channel");
        };
    }

    static Value of(CanFrame f) {
        return Value.of(f.toBytes());
    }
}
