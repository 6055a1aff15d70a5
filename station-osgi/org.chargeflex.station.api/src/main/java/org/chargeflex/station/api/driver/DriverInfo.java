package org.chargeflex.station.api.driver;

import java.util.Objects;

/**
 * What a driver is and how it is addressed. The id is what the channel configuration's {@code driver} field names.
 *
 * @param id unique driver id, e.g. "virtual" or "m3b"
 * @param description one line for operators
 * @param deviceAddressSyntax how a device address looks, e.g. "tcp://host:port or a serial device path"
 * @param channelAddressSyntax how a channel address looks
 */
public record DriverInfo(String id, String description, String deviceAddressSyntax, String channelAddressSyntax) {
    public DriverInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("driver id must not be blank");
        }
    }
}
