package org.chargeflex.cio.optimizer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The planning time grid ({@code cio.planning.*}), used by every planner: the request path's optimiser plan
 * ({@link FleetOptimizerPlanner}, via {@link PlanningHorizon}) and the joint re-planner (package replan, whose slot
 * length {@code cio.replan.slot-length} defaults to a third of {@code slotLength}). The defaults suit real time; a
 * simulation that compresses time (the demo) shrinks both by its speed.
 *
 * @param slotLength the longest slot of the request path's optimiser plan (a schedule's slots are at most this long,
 *                   stretched by a few seconds so that whole slots end at the departure); whole seconds, 1 s to 24 h
 * @param minHorizon the shortest time a schedule covers, even if the EV leaves sooner; whole seconds, 1 s to 24 h
 */
@ConfigurationProperties("cio.planning")
public record PlanningProperties(@DefaultValue("15m") Duration slotLength, @DefaultValue("15m") Duration minHorizon) {
    /** The real-time defaults (15 min slots, 15 min minimum horizon). */
    public static final PlanningProperties DEFAULT = new PlanningProperties(Duration.ofMinutes(15), Duration.ofMinutes(15));

    public PlanningProperties {
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
