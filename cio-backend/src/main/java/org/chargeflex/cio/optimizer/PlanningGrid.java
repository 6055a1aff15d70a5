package org.chargeflex.cio.optimizer;

import java.time.Duration;

/**
 * The planning time grid, used by every planner: the request path's optimiser plan ({@link FleetOptimizerPlanner},
 * via {@link PlanningHorizon}) and the joint re-planner (package replan, whose slot length
 * {@code cio.replan.slot-length} defaults to {@link #defaultReplanSlotLength()}). Configured by {@code cio.planning.*}
 * (package system, {@code PlanningConfiguration}). The defaults suit real time; a simulation that compresses time
 * (the demo) shrinks both by its speed.
 *
 * @param slotLength the longest slot of the request path's optimiser plan (a schedule's slots are at most this long,
 *                   stretched by a few seconds so that whole slots end at the departure); whole seconds, 1 s to 24 h
 *                   ({@code cio.planning.slot-length})
 * @param minHorizon the shortest time a schedule covers, even if the EV leaves sooner; whole seconds, 1 s to 24 h
 *                   ({@code cio.planning.min-horizon})
 */
public record PlanningGrid(Duration slotLength, Duration minHorizon) {
    /** The real-time defaults (15 min slots, 15 min minimum horizon). */
    public static final PlanningGrid DEFAULT = new PlanningGrid(Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** @throws IllegalArgumentException naming the property ({@code cio.planning.*}) that is out of range */
    public PlanningGrid {
        check("cio.planning.slot-length", slotLength);
        check("cio.planning.min-horizon", minHorizon);
    }

    private static void check(String name, Duration d) {
        if (d == null || d.getSeconds() < 1 || d.toNanos() % 1_000_000_000L != 0 || d.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds from 1s to 24h, was " + d);
        }
    }

    /** The joint re-planner's slot length if {@code cio.replan.slot-length} is not set: a third of the slot, >= 1 s. */
    public Duration defaultReplanSlotLength() {
        return Duration.ofSeconds(Math.max(1, slotLength.getSeconds() / 3));
    }
}
