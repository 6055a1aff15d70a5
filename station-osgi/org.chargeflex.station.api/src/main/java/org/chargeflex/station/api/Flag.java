package org.chargeflex.station.api;

/**
 * The quality of a {@link Record}: whether its value is valid and, if not, why. Drivers report problems as flags, never
 * as unchecked exceptions; the REST server maps flags onto HTTP status codes.
 */
public enum Flag {
    VALID("value is valid"),
    NO_VALUE_RECEIVED_YET("no value has been read or received yet"),
    DRIVER_UNAVAILABLE("the channel's driver is not running"),
    CONNECTING("the data manager is connecting to the device"),
    WAITING_FOR_CONNECTION_RETRY("the device is not reachable; waiting to retry the connection"),
    CONNECTION_EXCEPTION("the connection to the device failed"),
    TIMEOUT("the driver did not answer in time"),
    DRIVER_ERROR("the driver reported an error"),
    DRIVER_THREW_UNKNOWN_EXCEPTION("the driver failed unexpectedly"),
    INVALID_CHANNEL_ADDRESS("the driver does not understand the channel address"),
    INVALID_VALUE("the value has the wrong type or is out of range"),
    CANNOT_WRITE_NULL_VALUE("a null value cannot be written"),
    ACCESS_DENIED("the channel cannot be accessed this way (e.g. written while read-only)"),
    DEVICE_REJECTED_VALUE("the device refused the value"),
    CHANNEL_DELETED("the channel has been removed from the configuration"),
    SAMPLING_AND_LISTENING_DISABLED("the channel is neither sampled nor listened to"),
    UNKNOWN_ERROR("unknown error");

    private final String description;

    Flag(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for flags that say the driver or device could not be reached, as opposed to a refused request. */
    public boolean isUnreachable() {
        return this == DRIVER_UNAVAILABLE || this == CONNECTING || this == WAITING_FOR_CONNECTION_RETRY
                || this == CONNECTION_EXCEPTION || this == DRIVER_ERROR || this == DRIVER_THREW_UNKNOWN_EXCEPTION;
    }
}
