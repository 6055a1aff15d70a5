package org.chargeflex.cio.replan;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rolling re-optimisation ({@code cio.replan.*}).
 *
 * @param enabled          whether events are marked and the background re-planner runs (the re-plan after a
 *                         curtailment runs regardless)
 * @param debounce         how often the background re-planner looks for dirty targets; events within one period are
 *                         re-planned together
 * @param slotLength       the optimiser's slot length for a joint re-plan; {@code null} (not set): a third of
 *                         {@code cio.planning.slot-length} (5 min by default, see
 *                         {@link org.chargeflex.cio.optimizer.PlanningGrid#defaultReplanSlotLength()})
 * @param meterDeviationWh how far a session's metered energy may fall behind (or run ahead of) its schedule before
 *                         its target is re-planned, Wh
 * @param toleranceW       a session keeps its current schedule (no new version) if the new plan differs by at most
 *                         this much at every moment, W (and the limits still hold with the kept schedules)
 * @param minInterval      a target is re-planned at most once per this interval; marks that arrive sooner wait
 *                         ({@link ReplanThrottle}); zero: every round
 * @param dutyCycle        the share of a round's time the background re-planner works, 0 to 1: after each target it
 *                         pauses for {@code (1 - dutyCycle) / dutyCycle} times the target's re-plan, so a round of
 *                         many due targets (they fall due together) does not take a core and the targets' planning
 *                         locks back to back while charging requests wait for them (a pause is at most one
 *                         {@code debounce}); 1: no pause
 */
@ConfigurationProperties("cio.replan")
record ReplanProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration debounce,
        Duration slotLength, @DefaultValue("1000") double meterDeviationWh,
        @DefaultValue("10") double toleranceW, @DefaultValue("15s") Duration minInterval,
        @DefaultValue("0.5") double dutyCycle) {

    ReplanProperties {
        if (debounce.isNegative() || debounce.isZero()) {
            throw new IllegalArgumentException("cio.replan.debounce must be positive, was " + debounce);
        }
        if (slotLength != null && (slotLength.getSeconds() < 1 || slotLength.toNanos() % 1_000_000_000L != 0)) {
            throw new IllegalArgumentException("cio.replan.slot-length must be a whole number of seconds >= 1, was "
                    + slotLength);
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("cio.replan.min-interval must be zero or positive, was " + minInterval);
        }
        if (!(dutyCycle > 0 && dutyCycle <= 1)) {
            throw new IllegalArgumentException("cio.replan.duty-cycle must be above 0 and at most 1, was " + dutyCycle);
        }
        if (!(meterDeviationWh > 0) || !(toleranceW >= 0)) {
            throw new IllegalArgumentException("cio.replan.meter-deviation-wh must be > 0 and cio.replan.tolerance-w >= 0");
        }
    }
}
