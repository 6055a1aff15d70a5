package org.chargeflex.gateway.core;

import java.util.Objects;

/**
 * A grid connection point as registered at the CIO ({@code GET /api/v1/admin/grid-connection-points}). Its stations
 * are those whose {@link StationInfo#gridConnectionPoint()} names it.
 *
 * @param maxPowerW the power all its stations may draw together (the DNO's registered limit), W: the upper bound of
 *                  a curtailment
 */
public record GridConnectionPointInfo(String id, String name, double maxPowerW) {
    public GridConnectionPointInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("grid connection point id must not be blank");
        }
        name = name == null ? id : name;
        if (!(maxPowerW > 0) || !Double.isFinite(maxPowerW)) {
            throw new IllegalArgumentException("grid connection point " + id + ": maxPowerW must be > 0, got "
                    + maxPowerW);
        }
    }
}
