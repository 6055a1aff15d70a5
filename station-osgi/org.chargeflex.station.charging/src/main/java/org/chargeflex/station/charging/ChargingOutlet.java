package org.chargeflex.station.charging;

import org.chargeflex.station.charging.session.SessionState;

/** One outlet's charging control loop (a service private to this bundle, for tests and diagnostics). */
public interface ChargingOutlet {
    String outletId();

    SessionState state();
}
