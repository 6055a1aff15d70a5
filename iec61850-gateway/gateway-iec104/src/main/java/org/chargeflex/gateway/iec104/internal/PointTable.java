package org.chargeflex.gateway.iec104.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chargeflex.gateway.core.CpState;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.OutletSnapshot;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.iec104.IoaMap;

/** The monitored points of a station or grid connection point at a base address (layout in {@link IoaMap}). */
final class PointTable {
    private PointTable() {
    }

    static List<Point> points(int base, StationSnapshot s, Optional<Curtailment> curtailment, Instant now) {
        List<Point> p = new ArrayList<>();
        measured(p, base + IoaMap.TOT_W, s.totalPowerW());
        for (int ph = 1; ph <= 3; ph++) {
            measured(p, base + IoaMap.PHASE_W + ph - 1, s.phasePowerW(ph));
            measured(p, base + IoaMap.PHASE_V + ph - 1, s.phaseVoltageV(ph));
            measured(p, base + IoaMap.PHASE_A + ph - 1, s.phaseCurrentA(ph));
        }
        measured(p, base + IoaMap.PLANNED_W, s.plannedPowerW());
        limits(p, base, s.info().maxPowerW(), curtailment);
        counter(p, base + IoaMap.ENERGY_WH, s.energyWh());
        p.add(new Point(base + IoaMap.ONLINE, Point.Kind.SINGLE, s.online() ? 1 : 0, Quality.GOOD, now));
        curtailed(p, base, curtailment);
        for (int n = 1; n <= Math.min(s.outlets().size(), IoaMap.MAX_OUTLETS); n++) {
            outlet(p, base + 100 * n, s.outlets().get(n - 1));
        }
        return p;
    }

    /** The points of a grid connection point: its stations' summed power and planned power, rating and limit. */
    static List<Point> gridConnectionPoint(int base, GridConnectionPointInfo info, Reading totalW, Reading plannedW,
            Optional<Curtailment> curtailment) {
        List<Point> p = new ArrayList<>();
        measured(p, base + IoaMap.TOT_W, totalW);
        measured(p, base + IoaMap.PLANNED_W, plannedW);
        limits(p, base, info.maxPowerW(), curtailment);
        curtailed(p, base, curtailment);
        return p;
    }

    private static void limits(List<Point> p, int base, double ratingW, Optional<Curtailment> curtailment) {
        p.add(new Point(base + IoaMap.RATED_W, Point.Kind.MEASURED, ratingW, Quality.GOOD, Instant.EPOCH));
        p.add(new Point(base + IoaMap.LIMIT_IN_FORCE_W, Point.Kind.MEASURED,
                curtailment.map(Curtailment::limitW).orElse(ratingW), Quality.GOOD,
                curtailment.map(Curtailment::requestedAt).orElse(Instant.EPOCH)));
    }

    private static void curtailed(List<Point> p, int base, Optional<Curtailment> curtailment) {
        p.add(new Point(base + IoaMap.CURTAILED, Point.Kind.SINGLE, curtailment.isPresent() ? 1 : 0, Quality.GOOD,
                curtailment.map(Curtailment::requestedAt).orElse(Instant.EPOCH)));
    }

    private static void outlet(List<Point> p, int at, OutletSnapshot o) {
        CpState cp = o.cpState();
        p.add(new Point(at + IoaMap.OUTLET_PLUGGED, Point.Kind.SINGLE, cp.plugged() ? 1 : 0, cp.quality(), cp.time()));
        p.add(new Point(at + IoaMap.OUTLET_CHARGING, Point.Kind.SINGLE, cp.charging() ? 1 : 0, cp.quality(),
                cp.time()));
        p.add(new Point(at + IoaMap.OUTLET_FAULT, Point.Kind.SINGLE, cp.fault() ? 1 : 0, cp.quality(), cp.time()));
        measured(p, at + IoaMap.OUTLET_POWER_W, o.get(Measurand.POWER_W));
        measured(p, at + IoaMap.OUTLET_CURRENT_LIMIT_A, o.get(Measurand.CURRENT_LIMIT_A));
        p.add(new Point(at + IoaMap.OUTLET_CP_STATE, Point.Kind.MEASURED, cp.code(), cp.quality(), cp.time()));
        counter(p, at + IoaMap.OUTLET_ENERGY_WH, o.get(Measurand.ENERGY_WH));
    }

    private static void measured(List<Point> p, int ioa, Reading r) {
        p.add(new Point(ioa, Point.Kind.MEASURED, r.value(), r.quality(), r.time()));
    }

    private static void counter(List<Point> p, int ioa, Reading r) {
        p.add(new Point(ioa, Point.Kind.COUNTER, Math.round(r.value()), r.quality(), r.time()));
    }
}
