package org.chargeflex.cio.replan;

import java.util.LinkedHashSet;
import java.util.Set;
import org.chargeflex.cio.system.PlanningSignal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The targets waiting for a re-plan on this instance, in memory: stations (resolved to their grid connection point
 * when re-planned), grid connection points, and stations whose meter values must be checked for a deviation. Marked
 * after the publisher's transaction commits (so the re-plan sees its data), in microseconds: the station request path
 * pays nothing more. A mark lost with the instance costs only optimality: every session keeps a schedule within the
 * limits. With {@code cio.replan.enabled=false} nothing is marked.
 */
@Component
class DirtyTargets {
    private final Set<String> stations = new LinkedHashSet<>();
    private final Set<String> gridConnectionPoints = new LinkedHashSet<>();
    private final Set<String> meterStations = new LinkedHashSet<>();
    private final boolean enabled;

    DirtyTargets(ReplanProperties properties) {
        this.enabled = properties.enabled();
    }

    /** What to do in one round. */
    record Batch(Set<String> stations, Set<String> gridConnectionPoints, Set<String> meterStations) {
        boolean isEmpty() {
            return stations.isEmpty() && gridConnectionPoints.isEmpty() && meterStations.isEmpty();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PlanningSignal signal) {
        if (!enabled) {
            return;
        }
        if (signal.kind() == PlanningSignal.Kind.METER_VALUES) {
            synchronized (this) {
                meterStations.add(signal.stationId());
            }
            return;
        }
        if (signal.stationId() != null) {
            markStation(signal.stationId());
        }
        if (signal.gridConnectionPoint() != null) {
            markGridConnectionPoint(signal.gridConnectionPoint());
        }
    }

    synchronized void markStation(String stationId) {
        stations.add(stationId);
    }

    synchronized void markGridConnectionPoint(String id) {
        gridConnectionPoints.add(id);
    }

    /** Whether something is marked. */
    synchronized boolean pending() {
        return !stations.isEmpty() || !gridConnectionPoints.isEmpty() || !meterStations.isEmpty();
    }

    /** Takes everything marked so far. */
    synchronized Batch drain() {
        Batch b = new Batch(Set.copyOf(stations), Set.copyOf(gridConnectionPoints), Set.copyOf(meterStations));
        stations.clear();
        gridConnectionPoints.clear();
        meterStations.clear();
        return b;
    }
}
