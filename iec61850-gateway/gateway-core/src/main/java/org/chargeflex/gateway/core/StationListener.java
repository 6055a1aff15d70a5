package org.chargeflex.gateway.core;

import java.util.List;

/**
 * Told of changes by the gateway's poller and dispatcher threads. Implementations must return quickly (no network
 * I/O): protocol servers update their models or hand the change to per-connection senders.
 */
public interface StationListener {

    /**
     * The registry changed (stations, outlets or grid connection points added, removed or altered); the snapshots
     * follow. The grid connection points are {@link GatewayCore#gridConnectionPoints()}.
     */
    default void registryChanged(List<StationInfo> stations) {
    }

    /** A station's values changed (including quality); the values of its grid connection point may have changed. */
    void snapshotChanged(StationSnapshot snapshot);

    /**
     * The limit served for a target changed: a curtailment was accepted or lifted, or a refused one was rolled back to
     * the last accepted limit. Read it with {@link GatewayCore#curtailment(CurtailmentTarget)}.
     */
    default void curtailmentChanged(CurtailmentTarget target) {
    }
}
