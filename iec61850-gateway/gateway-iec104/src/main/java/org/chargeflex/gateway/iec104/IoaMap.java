package org.chargeflex.gateway.iec104;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Information object addresses per station (docs/grid-gateway.md). Each station has a block {@code b} (1..16000)
 * and its points at {@code base = 1000 * b} plus the offsets below; outlet {@code n} (1..9) at
 * {@code base + 100 * n} plus the outlet offsets. Blocks are configured per station id; stations without a configured
 * block get the next free blocks after the highest configured one, in order of station id.
 */
public final class IoaMap {
    /** Station offsets. */
    public static final int TOT_W = 1;
    public static final int PHASE_W = 2;
    public static final int PHASE_V = 5;
    public static final int PHASE_A = 8;
    public static final int PLANNED_W = 11;
    public static final int RATED_W = 12;
    public static final int LIMIT_IN_FORCE_W = 13;
    public static final int ENERGY_WH = 20;
    public static final int ONLINE = 30;
    public static final int LIMIT_SETPOINT = 900;
    /** Outlet offsets (relative to base + 100 * n). */
    public static final int OUTLET_PLUGGED = 0;
    public static final int OUTLET_CHARGING = 1;
    public static final int OUTLET_FAULT = 2;
    public static final int OUTLET_POWER_W = 3;
    public static final int OUTLET_CURRENT_LIMIT_A = 4;
    public static final int OUTLET_CP_STATE = 5;
    public static final int OUTLET_ENERGY_WH = 6;
    public static final int MAX_OUTLETS = 9;
    public static final int MAX_BLOCK = 16_000;

    private final Map<String, Integer> blocks;

    /**
     * @param stations   the registry
     * @param configured station id to block; blocks must be distinct, 1..{@link #MAX_BLOCK}
     */
    public IoaMap(List<StationInfo> stations, Map<String, Integer> configured) {
        Map<String, Integer> map = new LinkedHashMap<>();
        int next = configured.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (StationInfo s : stations.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            Integer block = configured.get(s.id());
            map.put(s.id(), block != null ? block : next++);
        }
        this.blocks = Collections.unmodifiableMap(map);
    }

    /** Checks a configured block map. */
    static void validate(Map<String, Integer> configured) {
        if (configured.values().stream().distinct().count() != configured.size()) {
            throw new IllegalArgumentException("IOA blocks must be distinct: " + configured);
        }
        configured.forEach((id, b) -> {
            if (b < 1 || b > MAX_BLOCK) {
                throw new IllegalArgumentException("IOA block of " + id + " must be 1.." + MAX_BLOCK + ", got " + b);
            }
        });
    }

    /** The base address of a station's block, or empty when the station is unknown. */
    public Optional<Integer> base(String stationId) {
        return Optional.ofNullable(blocks.get(stationId)).map(b -> b * 1000);
    }

    /** The station whose power limit set-point has this address, if any. */
    public Optional<String> stationOfSetpoint(int ioa) {
        if (ioa % 1000 != LIMIT_SETPOINT) {
            return Optional.empty();
        }
        int block = ioa / 1000;
        return blocks.entrySet().stream().filter(e -> e.getValue() == block).map(Map.Entry::getKey).findFirst();
    }

    public Map<String, Integer> blocks() {
        return blocks;
    }
}
