package org.chargeflex.station.api.driver;

import org.chargeflex.station.api.ValueType;

/** A channel a device offers, as found by {@link Connection#scanForChannels()}. */
public record ChannelScanInfo(String channelAddress, String description, ValueType valueType, boolean readable,
        boolean writable) {
}
