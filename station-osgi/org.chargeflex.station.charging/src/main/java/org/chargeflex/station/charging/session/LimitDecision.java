package org.chargeflex.station.charging.session;

/**
 * The current limit to apply now and why.
 *
 * @param currentA the limit per phase, A (0 = pause)
 * @param source   where it comes from
 * @param powerW   the schedule's power limit behind it, W, or -1 when it does not come from a schedule (kept when
 *                 the grid limit cuts the schedule's limit)
 */
public record LimitDecision(double currentA, Source source, double powerW) {

    /** Where a limit comes from. */
    public enum Source {
        /** No session: nothing may be drawn. */
        NONE,
        /** Waiting for the first schedule (within the offline allowance): paused. */
        WAITING,
        /** The schedule in force. */
        SCHEDULE,
        /** The safe fallback: no schedule in force and the CIO not reached within the offline allowance. */
        FALLBACK,
        /** The station's grid limit ({@code station/grid_limit_w}) cut the schedule's or fallback's limit. */
        GRID_LIMIT
    }
}
