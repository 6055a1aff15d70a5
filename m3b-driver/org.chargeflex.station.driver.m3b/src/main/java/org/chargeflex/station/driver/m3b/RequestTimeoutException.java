package org.chargeflex.station.driver.m3b;

/** The board did not answer one request, retries included; the channels involved are flagged TIMEOUT. */
final class RequestTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    RequestTimeoutException(String message) {
        super(message);
    }
}
