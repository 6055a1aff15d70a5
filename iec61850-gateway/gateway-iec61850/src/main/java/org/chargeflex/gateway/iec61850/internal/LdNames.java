package org.chargeflex.gateway.iec61850.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Logical device instance names for stations: {@code S} + the station id with every character outside
 * {@code [A-Za-z0-9_]} replaced by {@code _}, cut to 48 characters; a clash gets {@code _2}, {@code _3}, ... in
 * registry order. The logical device name is the IED name followed by this instance name.
 */
public final class LdNames {
    static final int MAX_INST = 48;

    private final Map<String, String> byStation;

    public LdNames(List<StationInfo> stations) {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (StationInfo s : stations) {
            String base = "S" + s.id().replaceAll("[^A-Za-z0-9_]", "_");
            base = base.length() > MAX_INST ? base.substring(0, MAX_INST) : base;
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            map.put(s.id(), name);
        }
        this.byStation = Collections.unmodifiableMap(map);
    }

    /** The logical device instance of a station, or null when it is not in the model. */
    public String inst(String stationId) {
        return byStation.get(stationId);
    }

    /** Station id of an instance, or null. */
    public String station(String inst) {
        return byStation.entrySet().stream().filter(e -> e.getValue().equals(inst)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
