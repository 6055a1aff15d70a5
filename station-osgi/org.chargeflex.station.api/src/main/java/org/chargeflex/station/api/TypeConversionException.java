package org.chargeflex.station.api;

/** Thrown when a {@link Value} cannot be converted to the type asked for. */
public class TypeConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TypeConversionException(String message) {
        super(message);
    }
}
