package org.chargeflex.station.rest.json;

/** A JSON value does not fit the channel's value type; the message says what was expected. */
public class ValueJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public ValueJsonException(String message) {
        super(message);
    }
}
