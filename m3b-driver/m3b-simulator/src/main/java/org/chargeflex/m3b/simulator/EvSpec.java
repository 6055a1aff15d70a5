package org.chargeflex.m3b.simulator;

/**
 * A simulated electric vehicle: battery capacity (Wh), initial state of charge (0..1), the largest current its
 * on-board charger draws per phase (A), its number of phases, the user id it presents (RFID, "" for none) and how long
 * it takes to react to a PWM change (IEC 61851-1 allows up to 5 s). Build with {@link #builder()}.
 */
public record EvSpec(double capacityWh, double initialSoc, double maxCurrent, int phases, String userId,
        long reactionDelayMillis) {

    public EvSpec {
        if (!(capacityWh > 0) || capacityWh > 1_000_000) {
            throw new IllegalArgumentException("EV capacity must be 0..1000000 Wh, got " + capacityWh);
        }
        if (!(initialSoc >= 0 && initialSoc <= 1)) {
            throw new IllegalArgumentException("EV state of charge must be 0..1, got " + initialSoc);
        }
        if (!(maxCurrent >= 1 && maxCurrent <= 80)) {
            throw new IllegalArgumentException("EV max current must be 1..80 A, got " + maxCurrent);
        }
        if (phases < 1 || phases > 3) {
            throw new IllegalArgumentException("EV phases must be 1..3, got " + phases);
        }
        if (userId == null || userId.length() > 32) {
            throw new IllegalArgumentException("EV user id must be 0..32 characters, got " + userId);
        }
        if (reactionDelayMillis < 0 || reactionDelayMillis > 10_000) {
            throw new IllegalArgumentException("EV reaction delay must be 0..10000 ms, got " + reactionDelayMillis);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: 60 kWh, 50 % charged, 32 A, 3 phases, no user id, 1 s reaction. */
    public static final class Builder {
        private double capacityWh = 60_000;
        private double soc = 0.5;
        private double maxCurrent = 32;
        private int phases = 3;
        private String userId = "";
        private long reactionDelayMillis = 1000;

        public Builder capacityWh(double wh) {
            this.capacityWh = wh;
            return this;
        }

        public Builder soc(double fraction) {
            this.soc = fraction;
            return this;
        }

        public Builder maxCurrent(double amps) {
            this.maxCurrent = amps;
            return this;
        }

        public Builder phases(int n) {
            this.phases = n;
            return this;
        }

        public Builder userId(String id) {
            this.userId = id;
            return this;
        }

        public Builder reactionDelayMillis(long millis) {
            this.reactionDelayMillis = millis;
            return this;
        }

        public EvSpec build() {
            return new EvSpec(capacityWh, soc, maxCurrent, phases, userId, reactionDelayMillis);
        }
    }
}
