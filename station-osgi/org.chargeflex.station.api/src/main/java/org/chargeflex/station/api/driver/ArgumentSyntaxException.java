package org.chargeflex.station.api.driver;

/**
 * A device address, setting, channel address or parameter is malformed or unknown to the driver. Not retried: the
 * configuration has to be fixed; the data manager flags the channels {@code INVALID_CHANNEL_ADDRESS} or the device
 * as not connectable.
 */
public class ArgumentSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public ArgumentSyntaxException(String message) {
        super(message);
    }

    public ArgumentSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
