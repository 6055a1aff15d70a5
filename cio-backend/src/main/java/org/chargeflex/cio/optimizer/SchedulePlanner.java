package org.chargeflex.cio.optimizer;

/**
 * Plans one session's power over time. Implementations must return a plan whose every period is at most
 * {@link PlanningInput#maxPowerW()} and either 0 or at least the EV's minimum power; the schedule service relies on
 * that to keep shared limits.
 */
public interface SchedulePlanner {

    PlannedSchedule plan(PlanningInput input);
}
