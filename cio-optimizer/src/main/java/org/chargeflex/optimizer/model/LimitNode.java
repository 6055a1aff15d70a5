package org.chargeflex.optimizer.model;

import java.util.Arrays;

/**
 * A point in the supply tree with a power limit: a station, a grid connection point, a transformer. The limit and the
 * base load (consumption that is not EV charging, measured or forecast at this node) are given per slot.
 *
 * @param id         unique within the problem
 * @param parentId   the node above (station under grid connection point under transformer), or {@code null} for a root
 * @param maxPowerW  the limit per slot, W (base load below this node included)
 * @param baseLoadW  the base load per slot at this node, W (may be negative for local generation)
 */
public record LimitNode(String id, String parentId, double[] maxPowerW, double[] baseLoadW) {

    public LimitNode {
        Checks.id(id, "node.id");
        if (parentId != null) {
            Checks.id(parentId, "node " + id + ": parentId");
            if (parentId.equals(id)) {
                throw new IllegalArgumentException("node " + id + " cannot be its own parent");
            }
        }
        Checks.required(maxPowerW, "node " + id + ": maxPowerW");
        Checks.required(baseLoadW, "node " + id + ": baseLoadW");
        maxPowerW = Checks.series(maxPowerW, maxPowerW.length, "node " + id + ": maxPowerW", false);
        baseLoadW = Checks.series(baseLoadW, maxPowerW.length, "node " + id + ": baseLoadW", true);
    }

    public double maxPowerW(int slot) {
        return maxPowerW[slot];
    }

    public double baseLoadW(int slot) {
        return baseLoadW[slot];
    }

    @Override
    public double[] maxPowerW() {
        return maxPowerW.clone();
    }

    @Override
    public double[] baseLoadW() {
        return baseLoadW.clone();
    }

    /** This node restricted to slots {@code from} (inclusive) to {@code to} (exclusive). */
    public LimitNode slice(int from, int to) {
        return new LimitNode(id, parentId, Arrays.copyOfRange(maxPowerW, from, to), Arrays.copyOfRange(baseLoadW, from, to));
    }

    /** This node with the limit from {@code fromSlot} on replaced by {@code newMaxPowerW}. */
    public LimitNode withLimitFrom(int fromSlot, double newMaxPowerW) {
        double[] max = maxPowerW.clone();
        Arrays.fill(max, Math.max(0, fromSlot), max.length, Checks.nonNegative(newMaxPowerW, "node " + id + ": new limit"));
        return new LimitNode(id, parentId, max, baseLoadW);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimitNode n && id.equals(n.id) && java.util.Objects.equals(parentId, n.parentId)
                && Arrays.equals(maxPowerW, n.maxPowerW) && Arrays.equals(baseLoadW, n.baseLoadW);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, parentId, Arrays.hashCode(maxPowerW), Arrays.hashCode(baseLoadW));
    }

    @Override
    public String toString() {
        return "LimitNode[" + id + " under " + parentId + "]";
    }

    /** Starts a node for a problem of {@code slots} slots; default: no base load, limit required. */
    public static Builder builder(String id, int slots) {
        return new Builder(id, slots);
    }

    /** Fluent builder: a constant or per-slot limit, a constant or per-slot base load. */
    public static final class Builder {
        private final String id;
        private final int slots;
        private String parentId;
        private double[] max;
        private double[] base;

        private Builder(String id, int slots) {
            this.id = Checks.id(id, "node.id");
            if (slots < 1) {
                throw new IllegalArgumentException("node " + id + ": slots must be >= 1, was " + slots);
            }
            this.slots = slots;
        }

        public Builder parent(String parentId) {
            this.parentId = parentId;
            return this;
        }

        public Builder maxPowerW(double constant) {
            Checks.nonNegative(constant, "node " + id + ": maxPowerW");
            this.max = new double[slots];
            Arrays.fill(max, constant);
            return this;
        }

        public Builder maxPowerW(double[] perSlot) {
            this.max = Checks.series(perSlot, slots, "node " + id + ": maxPowerW", false);
            return this;
        }

        public Builder baseLoadW(double[] perSlot) {
            this.base = Checks.series(perSlot, slots, "node " + id + ": baseLoadW", true);
            return this;
        }

        public LimitNode build() {
            if (max == null) {
                throw new IllegalArgumentException("node " + id + ": maxPowerW is required");
            }
            return new LimitNode(id, parentId, max, base == null ? new double[slots] : base);
        }
    }
}
