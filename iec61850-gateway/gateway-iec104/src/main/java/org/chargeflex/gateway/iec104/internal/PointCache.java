package org.chargeflex.gateway.iec104.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.iec104.IoaMap;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.CauseOfTransmission;

/**
 * The address map and the points last sent spontaneously, per station and grid connection point; computes answers
 * from the core's cache.
 */
public final class PointCache {
    private final GatewayCore core;
    private final Map<String, Integer> configuredBlocks;
    private final Map<String, Integer> configuredGcpBlocks;
    private final Clock clock;
    private final Map<CurtailmentTarget, Map<Integer, Point>> sent = new HashMap<>();
    private volatile IoaMap map;

    public PointCache(GatewayCore core, Map<String, Integer> configuredBlocks,
            Map<String, Integer> configuredGcpBlocks, Clock clock) {
        this.core = core;
        this.configuredBlocks = Map.copyOf(configuredBlocks);
        this.configuredGcpBlocks = Map.copyOf(configuredGcpBlocks);
        this.clock = clock;
        registry(core.stations(), core.gridConnectionPoints());
    }

    public IoaMap map() {
        return map;
    }

    /** Rebuilds the address map for a new registry. */
    public synchronized void registry(List<StationInfo> stations, List<GridConnectionPointInfo> gcps) {
        map = new IoaMap(stations, configuredBlocks, gcps, configuredGcpBlocks);
        sent.keySet().retainAll(map.blocks().keySet());
        for (CurtailmentTarget t : map.blocks().keySet()) {
            changed(t);
        }
    }

    /** General interrogation: every measured value and state of every station and grid connection point. */
    List<ASdu> interrogation(int ca) {
        return Asdus.interrogation(all(), CauseOfTransmission.INTERROGATED_BY_STATION, ca);
    }

    /** Counter interrogation: every energy total. */
    List<ASdu> counters(int ca, int sequence) {
        return Asdus.counters(all(), CauseOfTransmission.REQUESTED_BY_GENERAL_COUNTER, ca, sequence);
    }

    /** The spontaneous ASDUs for what changed at a target since the last call (empty if nothing did). */
    public synchronized List<ASdu> spontaneous(CurtailmentTarget target, int ca) {
        return Asdus.spontaneous(changed(target), ca);
    }

    private List<Point> changed(CurtailmentTarget target) {
        List<Point> now = pointsOf(target);
        Map<Integer, Point> last = sent.computeIfAbsent(target, k -> new HashMap<>());
        List<Point> changed = new ArrayList<>();
        boolean first = last.isEmpty();
        for (Point p : now) {
            if (p.differsFrom(last.put(p.ioa(), p)) && !first) {
                changed.add(p);
            }
        }
        return changed;
    }

    private List<Point> all() {
        List<Point> all = new ArrayList<>();
        for (CurtailmentTarget t : map.blocks().keySet()) {
            all.addAll(pointsOf(t));
        }
        return all;
    }

    private List<Point> pointsOf(CurtailmentTarget target) {
        Integer base = map.base(target).orElse(null);
        if (base == null) {
            return List.of();
        }
        if (target.scope() == CurtailmentTarget.Scope.GRID_CONNECTION_POINT) {
            return core.gridConnectionPoints().stream().filter(g -> g.id().equals(target.id())).findFirst()
                    .map(g -> PointTable.gridConnectionPoint(base, g, core.gridConnectionPointPowerW(g.id()),
                            core.gridConnectionPointPlannedW(g.id()), core.curtailment(target)))
                    .orElse(List.of());
        }
        StationSnapshot s = core.snapshot(target.id()).orElse(null);
        return s == null ? List.of() : PointTable.points(base, s, core.curtailment(target), clock.instant());
    }
}
