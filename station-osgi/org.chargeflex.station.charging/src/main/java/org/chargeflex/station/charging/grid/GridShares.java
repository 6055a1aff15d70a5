package org.chargeflex.station.charging.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.station.charging.session.GridCeiling;

/**
 * Shares a station power ceiling among the outlets. An outlet's fair share is its part of an even split (water
 * filling: an outlet wanting less than the even share leaves the rest to the others); it gets at most what the
 * others do not hold yet, so the sum of the shares never exceeds the ceiling, also while the outlets tick at
 * different moments. A lower ceiling or a new outlet takes effect at each outlet's next tick; power given up by one
 * outlet is taken up by the others at their next tick. Without a ceiling every outlet gets what it wants.
 */
public final class GridShares implements GridCeiling {
    private final Map<String, Double> wanted = new HashMap<>();
    private final Map<String, Double> held = new HashMap<>();
    private double limitW = -1;

    /** Sets the ceiling, W (&gt;= 0), or lifts it (negative). */
    public synchronized void setLimit(double w) {
        if (Double.isNaN(w) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("grid limit must be a finite number, got " + w);
        }
        limitW = w < 0 ? -1 : w;
    }

    /** The ceiling in W, or -1 when there is none. */
    public synchronized double limitW() {
        return limitW;
    }

    @Override
    public synchronized double share(String outletId, double wantedW, double minimumW) {
        double want = Double.isFinite(wantedW) ? Math.max(0, wantedW) : 0;
        wanted.put(outletId, want);
        if (limitW < 0) {
            held.put(outletId, want);
            return want;
        }
        double others = 0;
        for (Map.Entry<String, Double> e : held.entrySet()) {
            if (!e.getKey().equals(outletId)) {
                others += e.getValue();
            }
        }
        double share = Math.min(Math.min(want, level(limitW, wanted.values())), Math.max(0, limitW - others));
        if (share < minimumW) {
            share = 0;
        }
        held.put(outletId, share);
        return share;
    }

    @Override
    public synchronized void release(String outletId) {
        wanted.remove(outletId);
        held.remove(outletId);
    }

    /** The sum of the shares held now, W. */
    public synchronized double heldW() {
        return held.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The water level: every want is cut to it so that the sum fits the limit (infinite if everything fits). */
    static double level(double limit, Iterable<Double> wants) {
        List<Double> sorted = new ArrayList<>();
        wants.forEach(w -> {
            if (w > 0) {
                sorted.add(w);
            }
        });
        sorted.sort(Double::compare);
        double rest = limit;
        int n = sorted.size();
        for (int i = 0; i < n; i++) {
            double even = rest / (n - i);
            if (sorted.get(i) > even) {
                return even;
            }
            rest -= sorted.get(i);
        }
        return Double.POSITIVE_INFINITY;
    }
}
