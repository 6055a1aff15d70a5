package org.chargeflex.gateway.core;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A station as registered at the CIO: the part of the registry the served model is generated from. A change of any
 * {@code StationInfo} restarts the IEC 61850 server with a new model.
 *
 * @param gridConnectionPoint the grid connection point id, or {@code null}
 * @param maxPowerW           the station's hardware limit (all outlets), W: the upper bound of a curtailment
 */
public record StationInfo(String id, String name, String gridConnectionPoint, double maxPowerW,
        List<OutletInfo> outlets) {
    public StationInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("station id must not be blank");
        }
        name = name == null ? id : name;
        if (!(maxPowerW > 0) || !Double.isFinite(maxPowerW)) {
            throw new IllegalArgumentException("station " + id + ": maxPowerW must be > 0, got " + maxPowerW);
        }
        outlets = List.copyOf(outlets);
        if (new HashSet<>(outlets.stream().map(OutletInfo::id).toList()).size() != outlets.size()) {
            throw new IllegalArgumentException("station " + id + ": outlet ids must be distinct");
        }
    }
}
