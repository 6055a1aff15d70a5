package org.chargeflex.gateway.core;

/**
 * Quality of a value served to the DNO. Maps onto IEC 61850 {@code q} (validity, oldData) and IEC 60870-5-104 quality
 * descriptors (IV, NT).
 */
public enum Quality {
    /** Read from the station in the last poll with flag VALID. */
    GOOD,
    /** The last good value, but the station or the CIO could not be read in the last poll (61850 questionable +
     * oldData, 104 NT). */
    OLD_DATA,
    /** No usable value: the channel is flagged or has no value (61850 invalid, 104 IV). */
    INVALID;

    /** The worse of the two. */
    public Quality worst(Quality other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
