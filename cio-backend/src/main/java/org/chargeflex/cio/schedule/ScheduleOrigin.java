package org.chargeflex.cio.schedule;

/** Who made a schedule: the CIO's own planner, or a management service whose answer the CIO accepted. */
public enum ScheduleOrigin {
    PLANNER, FORWARDED
}
