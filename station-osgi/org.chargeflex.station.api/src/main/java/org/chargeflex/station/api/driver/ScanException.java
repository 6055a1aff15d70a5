package org.chargeflex.station.api.driver;

/**
 * A device or channel scan failed.
 */
public class ScanException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
