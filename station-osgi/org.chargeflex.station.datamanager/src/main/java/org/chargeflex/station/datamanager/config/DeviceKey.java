package org.chargeflex.station.datamanager.config;

import java.util.Objects;

/** Identifies a configured device: its driver id and its device id (unique per driver). */
public record DeviceKey(String driverId, String deviceId) {
    public DeviceKey {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public String toString() {
        return driverId + "/" + deviceId;
    }
}
