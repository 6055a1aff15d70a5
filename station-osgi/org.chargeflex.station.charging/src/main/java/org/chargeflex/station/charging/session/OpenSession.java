package org.chargeflex.station.charging.session;

import java.time.Instant;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.contract.UserIdentification;

/** The mutable state of an open session of one outlet; used by the outlet's tick thread only. */
final class OpenSession {
    final String sessionId;
    final UserIdentification user;
    final UserDefaults userDefaults;
    final Instant startTime;
    final double startEnergyWh;
    final EvParameters ev;
    ChargingSchedule schedule;
    String etag;
    Instant lastContact;
    Double lastCioLimitA;
    boolean chargedOnce;
    Instant nextMeter;

    OpenSession(String sessionId, UserIdentification user, UserDefaults userDefaults, Instant startTime,
            double startEnergyWh, EvParameters ev) {
        this.sessionId = sessionId;
        this.user = user;
        this.userDefaults = userDefaults;
        this.startTime = startTime;
        this.startEnergyWh = startEnergyWh;
        this.ev = ev;
    }
}
