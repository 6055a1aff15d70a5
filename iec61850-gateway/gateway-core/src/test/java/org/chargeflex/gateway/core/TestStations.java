package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Station fixtures for the gateway tests (shared through the test jar). */
public final class TestStations {
    private TestStations() {
    }

    /** A station with {@code outlets} three-phase 11 kW outlets, rated 22 kW per outlet pair. */
    public static StationInfo info(String id, int outlets) {
        return info(id, outlets, "gcp-" + id);
    }

    /** As {@link #info(String, int)}, on the given grid connection point. */
    public static StationInfo info(String id, int outlets, String gridConnectionPoint) {
        List<OutletInfo> list = new ArrayList<>();
        for (int i = 1; i <= outlets; i++) {
            list.add(new OutletInfo(Integer.toString(i), 11_000, 3));
        }
        return new StationInfo(id, "Station " + id, gridConnectionPoint, 11_000.0 * outlets, list);
    }

    /** Every outlet charging at {@code powerW}/outlet in state C, 230 V, energy {@code energyWh} each. */
    public static StationSnapshot charging(StationInfo info, double powerW, double energyWh, Instant t) {
        List<OutletSnapshot> outlets = new ArrayList<>();
        for (OutletInfo o : info.outlets()) {
            Map<Measurand, Reading> v = new EnumMap<>(Measurand.class);
            v.put(Measurand.POWER_W, Reading.good(powerW, t));
            for (int p = 1; p <= 3; p++) {
                v.put(Measurand.power(p), Reading.good(powerW / 3, t));
                v.put(Measurand.voltage(p), Reading.good(230, t));
                v.put(Measurand.current(p), Reading.good(powerW / 3 / 230, t));
            }
            v.put(Measurand.ENERGY_WH, Reading.good(energyWh, t));
            v.put(Measurand.CURRENT_LIMIT_A, Reading.good(16, t));
            v.put(Measurand.EV_SOC_PCT, Reading.good(42, t));
            outlets.add(new OutletSnapshot(o, new CpState('C', Quality.GOOD, t), v));
        }
        return new StationSnapshot(info, outlets, Reading.good(powerW * info.outlets().size(), t), true);
    }
}
