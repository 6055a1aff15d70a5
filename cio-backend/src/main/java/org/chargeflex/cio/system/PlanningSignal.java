package org.chargeflex.cio.system;

/**
 * Something that may change the best plan of the sessions under a limit, published as a Spring application event by
 * the feature that noticed it (a charging request, a session's STOP record, a station's or grid connection point's
 * edited limit, a meter batch). The re-planner (package {@code replan}) only marks the target dirty and re-plans it
 * in the background, so publishing costs the caller next to nothing.
 *
 * @param kind                what happened
 * @param stationId           the station concerned, or {@code null} (a grid connection point's own limit)
 * @param gridConnectionPoint the grid connection point concerned, or {@code null} (resolved from the station)
 */
public record PlanningSignal(Kind kind, String stationId, String gridConnectionPoint) {

    /** What happened. */
    public enum Kind {
        ARRIVAL, DEPARTURE, LIMIT_CHANGED, METER_VALUES
    }

    public static PlanningSignal station(Kind kind, String stationId) {
        return new PlanningSignal(kind, stationId, null);
    }

    public static PlanningSignal gridConnectionPoint(String gridConnectionPoint) {
        return new PlanningSignal(Kind.LIMIT_CHANGED, null, gridConnectionPoint);
    }
}
