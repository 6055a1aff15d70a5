package org.chargeflex.optimizer.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planning problem: sessions under a tree of limit nodes over a horizon of equal slots starting at {@code start}.
 * Build it with {@link #builder(Instant, int)}; the builder checks that ids are unique, parents exist, the tree has no
 * cycle, every session hangs under a known node, and every series has one value per slot.
 *
 * @param renewableW     renewable generation forecast per slot, W (zeros if none)
 * @param priceEurPerKWh energy price per slot, EUR/kWh (zeros if none)
 */
public record Problem(Instant start, Duration slotLength, int slots, Objective objective, List<LimitNode> nodes,
        List<Session> sessions, double[] renewableW, double[] priceEurPerKWh) {

    /** The default slot length. */
    public static final Duration DEFAULT_SLOT = Duration.ofMinutes(15);

    public Problem {
        Checks.required(start, "start");
        Checks.required(slotLength, "slotLength");
        Checks.required(objective, "objective");
        if (slotLength.isNegative() || slotLength.isZero() || slotLength.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("slotLength must be a positive whole number of seconds, was " + slotLength);
        }
        if (slots < 1 || slots > 100_000) {
            throw new IllegalArgumentException("slots must be 1 to 100000, was " + slots);
        }
        nodes = List.copyOf(Checks.required(nodes, "nodes"));
        sessions = List.copyOf(Checks.required(sessions, "sessions"));
        renewableW = Checks.series(renewableW, slots, "renewableW", false);
        priceEurPerKWh = Checks.series(priceEurPerKWh, slots, "priceEurPerKWh", true);
        checkTree(nodes, slots);
        checkSessions(sessions, nodes);
    }

    private static void checkTree(List<LimitNode> nodes, int slots) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes must not be empty: at least one limit node (e.g. the grid connection point)");
        }
        Map<String, LimitNode> byId = new HashMap<>();
        for (LimitNode n : nodes) {
            if (byId.put(n.id(), n) != null) {
                throw new IllegalArgumentException("node id '" + n.id() + "' is used twice");
            }
            if (n.maxPowerW().length != slots) {
                throw new IllegalArgumentException("node " + n.id() + ": maxPowerW must have one value per slot (" + slots
                        + "), had " + n.maxPowerW().length);
            }
        }
        for (LimitNode n : nodes) {
            if (n.parentId() != null && !byId.containsKey(n.parentId())) {
                throw new IllegalArgumentException("node " + n.id() + ": parent '" + n.parentId() + "' is not a node");
            }
            Set<String> seen = new HashSet<>();
            for (LimitNode up = n; up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
                if (!seen.add(up.id())) {
                    throw new IllegalArgumentException("node " + n.id() + ": the parent chain has a cycle through '" + up.id() + "'");
                }
            }
        }
    }

    private static void checkSessions(List<Session> sessions, List<LimitNode> nodes) {
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        Set<String> ids = new HashSet<>();
        for (Session s : sessions) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("session id '" + s.id() + "' is used twice");
            }
            if (!nodeIds.contains(s.nodeId())) {
                throw new IllegalArgumentException("session " + s.id() + ": node '" + s.nodeId() + "' is not a node");
            }
        }
    }

    @Override
    public double[] renewableW() {
        return renewableW.clone();
    }

    @Override
    public double[] priceEurPerKWh() {
        return priceEurPerKWh.clone();
    }

    /** Slot length in hours. */
    public double slotHours() {
        return slotLength.getSeconds() / 3600.0;
    }

    public Instant slotStart(int slot) {
        return start.plus(slotLength.multipliedBy(slot));
    }

    public Instant end() {
        return slotStart(slots);
    }

    /** The first slot that lies entirely within the session's window (may be {@link #slots}: none). */
    public int firstSlot(Session s) {
        long offset = s.arrival().getEpochSecond() - start.getEpochSecond();
        long len = slotLength.getSeconds();
        long first = offset <= 0 ? 0 : (offset + len - 1) / len;
        return (int) Math.min(first, slots);
    }

    /** One past the last slot that lies entirely within the session's window (at least {@link #firstSlot}). */
    public int endSlot(Session s) {
        long offset = s.departure().getEpochSecond() - start.getEpochSecond();
        long end = offset <= 0 ? 0 : offset / slotLength.getSeconds();
        return (int) Math.max(firstSlot(s), Math.min(end, slots));
    }

    /** The sum of all nodes' base loads per slot, W. */
    public double[] totalBaseLoadW() {
        double[] total = new double[slots];
        for (LimitNode n : nodes) {
            for (int t = 0; t < slots; t++) {
                total[t] += n.baseLoadW(t);
            }
        }
        return total;
    }

    public Builder toBuilder() {
        return new Builder(start, slots).slotLength(slotLength).objective(objective).nodes(nodes).sessions(sessions)
                .renewableW(renewableW).priceEurPerKWh(priceEurPerKWh);
    }

    public static Builder builder(Instant start, int slots) {
        return new Builder(start, slots);
    }

    /** Fluent builder; defaults: 15-minute slots, objective PEAK, no renewable forecast, no prices. */
    public static final class Builder {
        private final Instant start;
        private final int slots;
        private Duration slotLength = DEFAULT_SLOT;
        private Objective objective = Objective.PEAK;
        private final List<LimitNode> nodes = new ArrayList<>();
        private final List<Session> sessions = new ArrayList<>();
        private double[] renewableW;
        private double[] priceEurPerKWh;

        private Builder(Instant start, int slots) {
            this.start = Checks.required(start, "start");
            this.slots = slots;
        }

        public Builder slotLength(Duration slotLength) {
            this.slotLength = slotLength;
            return this;
        }

        public Builder objective(Objective objective) {
            this.objective = objective;
            return this;
        }

        public Builder node(LimitNode node) {
            nodes.add(Checks.required(node, "node"));
            return this;
        }

        public Builder nodes(List<LimitNode> all) {
            all.forEach(this::node);
            return this;
        }

        public Builder session(Session session) {
            sessions.add(Checks.required(session, "session"));
            return this;
        }

        public Builder sessions(List<Session> all) {
            all.forEach(this::session);
            return this;
        }

        public Builder renewableW(double[] perSlot) {
            this.renewableW = perSlot;
            return this;
        }

        public Builder priceEurPerKWh(double[] perSlot) {
            this.priceEurPerKWh = perSlot;
            return this;
        }

        public Problem build() {
            if (objective == Objective.TARIFF && priceEurPerKWh == null) {
                throw new IllegalArgumentException("objective TARIFF needs priceEurPerKWh");
            }
            if (objective == Objective.RENEWABLE && renewableW == null) {
                throw new IllegalArgumentException("objective RENEWABLE needs renewableW");
            }
            double[] zeros = new double[Math.max(slots, 0)];
            return new Problem(start, slotLength, slots, objective, nodes, sessions,
                    renewableW == null ? zeros : renewableW, priceEurPerKWh == null ? zeros : priceEurPerKWh);
        }
    }
}
