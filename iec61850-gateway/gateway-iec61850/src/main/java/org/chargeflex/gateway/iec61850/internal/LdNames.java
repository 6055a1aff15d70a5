package org.chargeflex.gateway.iec61850.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Logical device instance names: {@code S} + the station id, or {@code G} + the grid connection point id, with every
 * character outside {@code [A-Za-z0-9_]} replaced by {@code _}, cut to 48 characters; a clash gets {@code _2},
 * {@code _3}, ... in registry order. The logical device name is the IED name followed by this instance name.
 */
public final class LdNames {
    static final int MAX_INST = 48;

    private final Map<CurtailmentTarget, String> byTarget;

    public LdNames(List<StationInfo> stations) {
        this(stations, List.of());
    }

    public LdNames(List<StationInfo> stations, List<GridConnectionPointInfo> gcps) {
        Map<CurtailmentTarget, String> map = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (StationInfo s : stations) {
            map.put(CurtailmentTarget.station(s.id()), unique("S", s.id(), used));
        }
        for (GridConnectionPointInfo g : gcps) {
            map.put(CurtailmentTarget.gridConnectionPoint(g.id()), unique("G", g.id(), used));
        }
        this.byTarget = Collections.unmodifiableMap(map);
    }

    private static String unique(String prefix, String id, Set<String> used) {
        String base = prefix + id.replaceAll("[^A-Za-z0-9_]", "_");
        base = base.length() > MAX_INST ? base.substring(0, MAX_INST) : base;
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** The logical device instance of a station, or null when it is not in the model. */
    public String inst(String stationId) {
        return inst(CurtailmentTarget.station(stationId));
    }

    /** The logical device instance of a target, or null when it is not in the model. */
    public String inst(CurtailmentTarget target) {
        return byTarget.get(target);
    }

    /** Station id of an instance, or null. */
    public String station(String inst) {
        CurtailmentTarget t = target(inst);
        return t != null && t.scope() == CurtailmentTarget.Scope.STATION ? t.id() : null;
    }

    /** The target of an instance, or null. */
    public CurtailmentTarget target(String inst) {
        return byTarget.entrySet().stream().filter(e -> e.getValue().equals(inst)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
