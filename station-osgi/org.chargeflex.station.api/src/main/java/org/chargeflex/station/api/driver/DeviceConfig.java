package org.chargeflex.station.api.driver;

import java.util.Map;
import java.util.Objects;

/**
 * A device as configured: its address and typed driver settings (e.g. {@code baudRate=115200}). Settings are plain
 * key/value pairs, each one setting; a driver documents the keys it understands and rejects unknown or malformed ones
 * with an {@link ArgumentSyntaxException}.
 */
public record DeviceConfig(String id, String deviceAddress, Map<String, String> settings) {
    public DeviceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceAddress, "deviceAddress");
        settings = Map.copyOf(settings == null ? Map.of() : settings);
    }

    public String setting(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }
}
