package org.chargeflex.gateway.core;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The latest values of one outlet. Measurands the station does not provide are {@link Reading#MISSING}.
 */
public record OutletSnapshot(OutletInfo info, CpState cpState, Map<Measurand, Reading> values) {
    public OutletSnapshot {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(cpState, "cpState");
        EnumMap<Measurand, Reading> copy = new EnumMap<>(Measurand.class);
        copy.putAll(values);
        values = Map.copyOf(copy);
    }

    public static OutletSnapshot empty(OutletInfo info) {
        return new OutletSnapshot(info, CpState.UNKNOWN, Map.of());
    }

    public Reading get(Measurand m) {
        return values.getOrDefault(m, Reading.MISSING);
    }

    /** Whether EV data (state of charge, departure or energy request) is known. */
    public boolean hasEvData() {
        return get(Measurand.EV_SOC_PCT).quality() != Quality.INVALID
                || get(Measurand.EV_DEPARTURE_S).quality() != Quality.INVALID
                || get(Measurand.EV_ENERGY_REQUEST_WH).quality() != Quality.INVALID;
    }

    OutletSnapshot aged() {
        EnumMap<Measurand, Reading> aged = new EnumMap<>(Measurand.class);
        values.forEach((k, v) -> aged.put(k, v.aged()));
        return new OutletSnapshot(info, cpState.aged(), aged);
    }
}
