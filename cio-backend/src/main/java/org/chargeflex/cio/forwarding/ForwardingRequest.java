package org.chargeflex.cio.forwarding;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingRequest;

/**
 * What the CIO POSTs to a management service (docs/forwarding-contract.md).
 *
 * @param request             the station's charging request, unchanged
 * @param gridConnectionPoint the station's grid connection point, or {@code null}
 * @param limits              the limits any answer must keep
 * @param now                 the CIO's time when it asked
 */
public record ForwardingRequest(ChargingRequest request, String gridConnectionPoint, Limits limits, Instant now) {

    /**
     * @param maxPowerW         no period may exceed this (the lowest of the limits below), W
     * @param evMaxPowerW       the EV's maximum, W
     * @param evMinPowerW       the EV's minimum: a period is either 0 or at least this, W
     * @param outletMaxPowerW   the outlet's hardware limit, W
     * @param stationHeadroomW  what the station's hardware limit leaves after its other sessions, W
     * @param gridHeadroomW     what the grid connection point leaves after the other sessions on it, W, or {@code null}
     */
    public record Limits(double maxPowerW, double evMaxPowerW, double evMinPowerW, double outletMaxPowerW,
            double stationHeadroomW, Double gridHeadroomW) {
    }
}
