package org.chargeflex.station.charging.session;

/**
 * The station's grid limit as the outlets see it: a ceiling on the sum of the outlets' charging power, shared among
 * them. Each outlet asks for its share on every tick; the answer never lets the sum of all shares exceed the
 * ceiling. Implementations are thread-safe (outlets tick on their own threads) and never block on I/O.
 */
public interface GridCeiling {
    /** No ceiling: every outlet gets what it wants. */
    GridCeiling NONE = new GridCeiling() {
        @Override
        public double share(String outletId, double wantedW, double minimumW) {
            return Math.max(0, wantedW);
        }

        @Override
        public void release(String outletId) {
            // nothing is held
        }
    };

    /**
     * The power an outlet may draw until its next tick, W, and records it as the outlet's share.
     *
     * @param wantedW  what the outlet's own limit (schedule, fallback) allows, W; 0 when it draws nothing
     * @param minimumW the smallest power the outlet can draw at all (6 A on its phases), W: a share below it is 0
     * @return 0..wantedW
     */
    double share(String outletId, double wantedW, double minimumW);

    /** The outlet stopped: its share is free for the others. */
    void release(String outletId);
}
