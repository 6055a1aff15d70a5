package org.chargeflex.gateway.iec104;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Information object addresses per station and per grid connection point (docs/grid-gateway.md). Each has a block
 * {@code b} (1..16000) and its points at {@code base = 1000 * b} plus the offsets below; a station's outlet {@code n}
 * (1..9) at {@code base + 100 * n} plus the outlet offsets. Blocks are configured per id; the others are assigned so
 * that adding a station never moves another target's addresses if every target whose addresses matter is configured:
 * stations without a configured block get the free blocks after the highest configured station block, upwards in order
 * of station id; grid connection points without one get the free blocks from {@link #MAX_BLOCK} downwards in order
 * of their id (so stations never move them, nor they stations).
 */
public final class IoaMap {
    /** Target offsets (stations and grid connection points). */
    public static final int TOT_W = 1;
    public static final int PHASE_W = 2;
    public static final int PHASE_V = 5;
    public static final int PHASE_A = 8;
    public static final int PLANNED_W = 11;
    public static final int RATED_W = 12;
    public static final int LIMIT_IN_FORCE_W = 13;
    public static final int ENERGY_WH = 20;
    public static final int ONLINE = 30;
    /** Single point: a curtailment is in force (1) or not (0: the limit in force is the rating). */
    public static final int CURTAILED = 31;
    public static final int LIMIT_SETPOINT = 900;
    /** Single command C_SC_NA_1: OFF lifts the curtailment of the target. */
    public static final int CURTAILMENT_COMMAND = 901;
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

    private final Map<CurtailmentTarget, Integer> blocks;

    /** Stations only. */
    public IoaMap(List<StationInfo> stations, Map<String, Integer> configured) {
        this(stations, configured, List.of(), Map.of());
    }

    /**
     * @param stations      the station registry
     * @param configured    station id to block
     * @param gcps          the grid connection points
     * @param configuredGcp grid connection point id to block; all configured blocks must be distinct, 1..{@link
     *                      #MAX_BLOCK}
     */
    public IoaMap(List<StationInfo> stations, Map<String, Integer> configured, List<GridConnectionPointInfo> gcps,
            Map<String, Integer> configuredGcp) {
        Map<CurtailmentTarget, Integer> map = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>(configured.values());
        used.addAll(configuredGcp.values());
        int next = configured.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (StationInfo s : stations.stream().sorted(Comparator.comparing(StationInfo::id)).toList()) {
            Integer block = configured.get(s.id());
            if (block == null) {
                while (used.contains(next)) {
                    next++;
                }
                block = next;
                used.add(block);
            }
            map.put(CurtailmentTarget.station(s.id()), block);
        }
        int down = MAX_BLOCK;
        for (GridConnectionPointInfo g : gcps.stream().sorted(Comparator.comparing(GridConnectionPointInfo::id))
                .toList()) {
            Integer block = configuredGcp.get(g.id());
            if (block == null) {
                while (used.contains(down)) {
                    down--;
                }
                block = down;
                used.add(block);
            }
            map.put(CurtailmentTarget.gridConnectionPoint(g.id()), block);
        }
        this.blocks = Collections.unmodifiableMap(map);
    }

    /** Checks configured block maps (stations and grid connection points together). */
    static void validate(Map<String, Integer> stations, Map<String, Integer> gcps) {
        List<Integer> all = new java.util.ArrayList<>(stations.values());
        all.addAll(gcps.values());
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("IOA blocks must be distinct: stations " + stations
                    + ", grid connection points " + gcps);
        }
        for (Map<String, Integer> m : List.of(stations, gcps)) {
            m.forEach((id, b) -> {
                if (b < 1 || b > MAX_BLOCK) {
                    throw new IllegalArgumentException("IOA block of " + id + " must be 1.." + MAX_BLOCK + ", got "
                            + b);
                }
            });
        }
    }

    /** The base address of a station's block, or empty when the station is unknown. */
    public Optional<Integer> base(String stationId) {
        return base(CurtailmentTarget.station(stationId));
    }

    /** The base address of a target's block, or empty when it is unknown. */
    public Optional<Integer> base(CurtailmentTarget target) {
        return Optional.ofNullable(blocks.get(target)).map(b -> b * 1000);
    }

    /** The target whose power limit set-point has this address, if any. */
    public Optional<CurtailmentTarget> targetOfSetpoint(int ioa) {
        return targetAt(ioa, LIMIT_SETPOINT);
    }

    /** The target whose curtailment single command has this address, if any. */
    public Optional<CurtailmentTarget> targetOfCommand(int ioa) {
        return targetAt(ioa, CURTAILMENT_COMMAND);
    }

    private Optional<CurtailmentTarget> targetAt(int ioa, int offset) {
        if (ioa % 1000 != offset) {
            return Optional.empty();
        }
        int block = ioa / 1000;
        return blocks.entrySet().stream().filter(e -> e.getValue() == block).map(Map.Entry::getKey).findFirst();
    }

    /** Every target with its block. */
    public Map<CurtailmentTarget, Integer> blocks() {
        return blocks;
    }
}
