package org.chargeflex.station.datamanager.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.station.api.driver.DeviceConfig;

/** One configured device of a driver with its channels, in file order. */
public record DeviceSpec(String driverId, String deviceId, String deviceAddress, Map<String, String> settings,
        List<ChannelConfig> channels) {

    public DeviceSpec {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceAddress, "deviceAddress");
        settings = Map.copyOf(settings == null ? Map.of() : settings);
        channels = List.copyOf(channels == null ? List.of() : channels);
    }

    public DeviceKey key() {
        return new DeviceKey(driverId, deviceId);
    }

    /** What the driver's {@code connect} gets. */
    public DeviceConfig toDeviceConfig() {
        return new DeviceConfig(deviceId, deviceAddress, settings);
    }
}
