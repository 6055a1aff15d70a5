package org.chargeflex.gateway.iec104.internal;

import java.time.Instant;
import org.chargeflex.gateway.core.Quality;

/**
 * One monitored point's value.
 *
 * @param kind  how it is transmitted
 * @param value the value (0/1 for single points, rounded for counters)
 */
record Point(int ioa, Kind kind, double value, Quality quality, Instant time) {
    enum Kind {
        /** M_ME_NC_1 in interrogations, M_ME_TF_1 spontaneously. */
        MEASURED,
        /** M_SP_NA_1 in interrogations, M_SP_TB_1 spontaneously. */
        SINGLE,
        /** M_IT_NA_1 in counter interrogations. */
        COUNTER
    }

    /** Whether a client must be told (value or quality differs). */
    boolean differsFrom(Point other) {
        return other == null || other.value != value || other.quality != quality;
    }
}
