package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.List;

/** Aggregation of readings over several stations (a grid connection point's values). */
public final class Readings {
    private Readings() {
    }

    /**
     * The sum of the readings; its quality is the worst member's (a member without a value counts 0 W and makes the
     * sum invalid); its time the newest member's. No members: 0, good, time {@link Instant#EPOCH} (never measured).
     */
    public static Reading total(List<Reading> readings) {
        double sum = 0;
        Quality q = Quality.GOOD;
        Instant t = Instant.EPOCH;
        for (Reading r : readings) {
            sum += r.quality() == Quality.INVALID ? 0 : r.value();
            q = q.worst(r.quality());
            t = r.time().isAfter(t) ? r.time() : t;
        }
        return new Reading(sum, q, t);
    }
}
