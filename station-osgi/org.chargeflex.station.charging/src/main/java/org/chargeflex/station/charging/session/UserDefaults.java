package org.chargeflex.station.charging.session;

import java.net.URI;
import java.time.Duration;

/**
 * Charging parameters assumed when the EV gives none, for a user or the site; null fields are not set (the next
 * level decides: EV, then user, then site).
 */
public record UserDefaults(Double energyDemandWh, Double maxCurrentA, Double minCurrentA, Integer phases,
        Duration departureAfter, URI managementServiceUrl) {

    public static final UserDefaults NONE = new UserDefaults(null, null, null, null, null, null);

    /** These values, with the gaps filled from {@code other}. */
    public UserDefaults orElse(UserDefaults other) {
        return new UserDefaults(energyDemandWh != null ? energyDemandWh : other.energyDemandWh,
                maxCurrentA != null ? maxCurrentA : other.maxCurrentA,
                minCurrentA != null ? minCurrentA : other.minCurrentA, phases != null ? phases : other.phases,
                departureAfter != null ? departureAfter : other.departureAfter,
                managementServiceUrl != null ? managementServiceUrl : other.managementServiceUrl);
    }
}
