package org.chargeflex.station.charging;

import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.charging.session.GridCeiling;

/**
 * The station's grid limit (channel {@code station/grid_limit_w}, driver {@code charging}, channel address
 * {@code grid/limit_w}): a ceiling on the sum of the outlets' charging power set by the CIO for the DNO, kept across a
 * restart. The outlets take their shares through {@link GridCeiling}.
 */
public interface GridLimit extends GridCeiling {

    /** The ceiling in W, or -1 when there is none. */
    double limitW();

    /**
     * Sets the ceiling (a number &gt;= 0, W) or lifts it (a negative number). Never throws for bad input.
     *
     * @return {@link Flag#VALID} when it is in force; {@link Flag#INVALID_VALUE} for a value that is not a finite
     *         number or above the plausible maximum (nothing changes then)
     */
    Flag set(Value value);
}
