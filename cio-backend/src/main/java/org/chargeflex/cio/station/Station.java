package org.chargeflex.cio.station;

import java.time.Instant;
import java.util.List;

/**
 * A registered charging station.
 *
 * @param gridConnectionPoint   the grid connection point (feeder, transformer) it hangs on, or {@code null}
 * @param maxPowerW             the station's hardware limit for all its outlets together, W
 * @param restBaseUrl           the station's REST server for operator access (e.g. {@code https://st-1.example:8443}), or {@code null}
 * @param hasCredential         whether the station has a credential to authenticate with
 * @param hasAccessCredential   whether the CIO has a credential for the station's REST server
 * @param lastSeenAt            the last authenticated request of the station (to about 10 s), or {@code null}
 */
public record Station(String id, String name, Double latitude, Double longitude, String gridConnectionPoint,
        double maxPowerW, String restBaseUrl, boolean hasCredential, boolean hasAccessCredential, Instant lastSeenAt,
        Instant createdAt, List<Outlet> outlets) {

    public Station {
        outlets = List.copyOf(outlets);
    }
}
