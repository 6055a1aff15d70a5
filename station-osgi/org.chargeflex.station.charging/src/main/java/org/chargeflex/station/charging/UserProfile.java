package org.chargeflex.station.charging;

import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.station.charging.session.UserDefaults;

/** A configured user's defaults (a service private to this bundle). */
public interface UserProfile {
    UserIdentification user();

    UserDefaults defaults();
}
