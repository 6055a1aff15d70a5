package org.chargeflex.gateway.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chargeflex.gateway.core.OutletInfo;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Turns a station power limit into per-outlet current limits: the limit is shared evenly, never below the minimum
 * session power and never above the outlet's hardware limit; IEC 61851 cannot advertise less than 6 A, so a share
 * under 6 A becomes 0 (pause) unless the minimum power keeps it up.
 */
final class EmergencySplitter {
    static final double MIN_IEC61851_A = 6;

    private final double minimumSessionPowerW;
    private final double voltageV;

    EmergencySplitter(double minimumSessionPowerW, double voltageV) {
        this.minimumSessionPowerW = minimumSessionPowerW;
        this.voltageV = voltageV;
    }

    Map<String, Double> split(StationInfo station, double limitW) {
        Map<String, Double> result = new LinkedHashMap<>();
        int n = station.outlets().size();
        for (OutletInfo o : station.outlets()) {
            double shareW = Math.min(o.maxPowerW(), Math.max(limitW / n, minimumSessionPowerW));
            double amps = Math.floor(shareW / (voltageV * o.phases()) * 10) / 10;
            result.put(o.id(), amps < MIN_IEC61851_A ? 0.0 : amps);
        }
        return result;
    }
}
