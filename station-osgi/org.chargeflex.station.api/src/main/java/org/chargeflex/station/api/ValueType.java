package org.chargeflex.station.api;

/** The type of a channel's value. A channel has exactly one type, fixed by its configuration. */
public enum ValueType {
    BOOLEAN, LONG, DOUBLE, STRING, BYTE_ARRAY
}
