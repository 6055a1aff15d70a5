package org.chargeflex.cio.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time span a schedule covers: from now until the planned departure (whole seconds), at least the minimum
 * horizon ({@link PlanningGrid#minHorizon()}, default {@link #MIN_HORIZON}) and at most {@link #MAX_HORIZON}.
 * Shared by every {@link SchedulePlanner}.
 */
record PlanningHorizon(Instant start, Instant end) {
    static final Duration MIN_HORIZON = PlanningGrid.DEFAULT.minHorizon();
    static final Duration MAX_HORIZON = Duration.ofHours(24);

    static PlanningHorizon of(PlanningInput in) {
        return of(in, MIN_HORIZON);
    }

    static PlanningHorizon of(PlanningInput in, Duration minHorizon) {
        Instant start = in.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = in.plannedDeparture().truncatedTo(ChronoUnit.SECONDS);
        if (end.isBefore(start.plus(minHorizon))) {
            end = start.plus(minHorizon);
        }
        if (end.isAfter(start.plus(MAX_HORIZON))) {
            end = start.plus(MAX_HORIZON);
        }
        return new PlanningHorizon(start, end);
    }

    long seconds() {
        return Duration.between(start, end).getSeconds();
    }
}
