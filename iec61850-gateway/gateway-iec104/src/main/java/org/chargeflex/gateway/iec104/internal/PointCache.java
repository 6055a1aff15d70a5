package org.chargeflex.gateway.iec104.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.iec104.IoaMap;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.CauseOfTransmission;

/** The address map and the points last sent spontaneously, per station; computes answers from the core's cache. */
public final class PointCache {
    private final GatewayCore core;
    private final Map<String, Integer> configuredBlocks;
    private final Clock clock;
    private final Map<String, Map<Integer, Point>> sent = new HashMap<>();
    private volatile IoaMap map;

    public PointCache(GatewayCore core, Map<String, Integer> configuredBlocks, Clock clock) {
        this.core = core;
        this.configuredBlocks = Map.copyOf(configuredBlocks);
        this.clock = clock;
        registry(core.stations());
    }

    public IoaMap map() {
        return map;
    }

    /** Rebuilds the address map for a new registry. */
    public synchronized void registry(List<StationInfo> stations) {
        map = new IoaMap(stations, configuredBlocks);
        sent.keySet().retainAll(map.blocks().keySet());
        for (StationInfo s : stations) {
            changed(s.id());
        }
    }

    /** General interrogation: every measured value and state of every station. */
    List<ASdu> interrogation(int ca) {
        return Asdus.interrogation(all(), CauseOfTransmission.INTERROGATED_BY_STATION, ca);
    }

    /** Counter interrogation: every energy total. */
    List<ASdu> counters(int ca, int sequence) {
        return Asdus.counters(all(), CauseOfTransmission.REQUESTED_BY_GENERAL_COUNTER, ca, sequence);
    }

    /** The spontaneous ASDUs for what changed at a station since the last call (empty if nothing did). */
    public synchronized List<ASdu> spontaneous(String stationId, int ca) {
        return Asdus.spontaneous(changed(stationId), ca);
    }

    private List<Point> changed(String stationId) {
        List<Point> now = pointsOf(stationId);
        Map<Integer, Point> last = sent.computeIfAbsent(stationId, k -> new HashMap<>());
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
        for (String id : map.blocks().keySet()) {
            all.addAll(pointsOf(id));
        }
        return all;
    }

    private List<Point> pointsOf(String stationId) {
        Integer base = map.base(stationId).orElse(null);
        StationSnapshot s = core.snapshot(stationId).orElse(null);
        if (base == null || s == null) {
            return List.of();
        }
        return PointTable.points(base, s, core.curtailment(stationId), clock.instant());
    }
}
