package org.chargeflex.gateway.core;

import java.util.Objects;

/**
 * An outlet as registered at the CIO.
 *
 * @param id        the outlet id as the station names it (e.g. {@code 1})
 * @param maxPowerW hardware limit, W (&gt; 0)
 * @param phases    phases wired, 1..3
 */
public record OutletInfo(String id, double maxPowerW, int phases) {
    public OutletInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("outlet id must not be blank");
        }
        if (!(maxPowerW > 0) || !Double.isFinite(maxPowerW)) {
            throw new IllegalArgumentException("outlet " + id + ": maxPowerW must be > 0, got " + maxPowerW);
        }
        if (phases < 1 || phases > 3) {
            throw new IllegalArgumentException("outlet " + id + ": phases must be 1..3, got " + phases);
        }
    }
}
