package org.chargeflex.gateway.core;

import java.util.List;

/**
 * Told of changes by the gateway's poller thread. Implementations must return quickly (no network I/O): protocol
 * servers update their models or hand the change to per-connection senders.
 */
public interface StationListener {

    /** The registry changed (stations or outlets added, removed or altered); the snapshots follow. */
    default void registryChanged(List<StationInfo> stations) {
    }

    /** A station's values changed (including quality). */
    void snapshotChanged(StationSnapshot snapshot);

    /** A curtailment was accepted for a station (the served limit changes at once). */
    default void curtailmentChanged(Curtailment curtailment) {
    }
}
