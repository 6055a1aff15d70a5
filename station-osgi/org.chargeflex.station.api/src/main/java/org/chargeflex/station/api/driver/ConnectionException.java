package org.chargeflex.station.api.driver;

/**
 * The connection to a device is lost or could not be made. The data manager closes the connection, flags the
 * device's channels and reconnects with back-off.
 */
public class ConnectionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
