package org.chargeflex.station.datamanager.routing;

/** A driver call whose connection is no longer the device's current one; its outcome is ignored. */
final class StaleCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleCallException(String message) {
        super(message, null, false, false);
    }
}
