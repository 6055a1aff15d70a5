package org.chargeflex.station.datamanager.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole, validated channel configuration: every device of every driver, in file order. */
public record StationConfig(List<DeviceSpec> devices) {
    public static final StationConfig EMPTY = new StationConfig(List.of());

    public StationConfig {
        devices = List.copyOf(devices);
    }

    public Map<DeviceKey, DeviceSpec> devicesByKey() {
        Map<DeviceKey, DeviceSpec> byKey = new LinkedHashMap<>();
        devices.forEach(d -> byKey.put(d.key(), d));
        return byKey;
    }

    /** Every channel label with its channel configuration, in file order. */
    public Map<String, ChannelConfig> channelsByLabel() {
        Map<String, ChannelConfig> byLabel = new LinkedHashMap<>();
        devices.forEach(d -> d.channels().forEach(c -> byLabel.put(c.label(), c)));
        return byLabel;
    }

    public int channelCount() {
        return devices.stream().mapToInt(d -> d.channels().size()).sum();
    }
}
