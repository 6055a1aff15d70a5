package org.chargeflex.optimizer.solver;

import java.util.Arrays;

/**
 * A directed flow network with real capacities and Dinic's max-flow algorithm (BFS level graph, blocking flow by an
 * iterative DFS with current-arc pointers, so deep residual paths cannot overflow the stack).
 *
 * <p>Capacities may be raised or lowered while a flow is kept ({@link #setCapacity}); {@link #maxFlow} then augments
 * from the current flow. Raising capacities keeps the flow feasible; lowering below the current flow is refused, call
 * {@link #resetFlow} first.
 */
final class FlowNetwork {
    /** Residual capacities below this count as zero, in W. */
    static final double EPS = 1e-7;

    private final int nodeCount;
    private int[] head;
    private int[] next;
    private int[] to;
    private double[] residual;
    private double[] capacity;
    private int edgeCount;
    private final int[] level;
    private final int[] current;
    private final int[] queue;
    /** Vertices the search never enters (a part whose flow is final). */
    private final boolean[] dead;

    FlowNetwork(int nodeCount, int expectedEdges) {
        this.nodeCount = nodeCount;
        head = new int[nodeCount];
        Arrays.fill(head, -1);
        int e = Math.max(16, expectedEdges * 2);
        next = new int[e];
        to = new int[e];
        residual = new double[e];
        capacity = new double[e];
        level = new int[nodeCount];
        current = new int[nodeCount];
        queue = new int[nodeCount];
        dead = new boolean[nodeCount];
    }

    int nodeCount() {
        return nodeCount;
    }

    /** Adds an edge and its reverse; returns the edge's index (the reverse is index ^ 1). */
    int addEdge(int from, int toNode, double cap) {
        if (edgeCount + 2 > to.length) {
            int n = to.length * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            residual = Arrays.copyOf(residual, n);
            capacity = Arrays.copyOf(capacity, n);
        }
        int e = edgeCount;
        link(e, from, toNode, cap);
        link(e + 1, toNode, from, 0);
        edgeCount += 2;
        return e;
    }

    private void link(int e, int from, int toNode, double cap) {
        to[e] = toNode;
        residual[e] = cap;
        capacity[e] = cap;
        next[e] = head[from];
        head[from] = e;
    }

    double flow(int edge) {
        return capacity[edge] - residual[edge];
    }

    double capacity(int edge) {
        return capacity[edge];
    }

    /** Sets an edge's capacity, keeping its flow. */
    void setCapacity(int edge, double cap) {
        double f = flow(edge);
        if (cap < f - EPS) {
            throw new IllegalStateException("capacity " + cap + " of edge " + edge + " is below its flow " + f);
        }
        capacity[edge] = cap;
        residual[edge] = Math.max(0, cap - f);
    }

    /** Sets an edge's flow (at most its capacity); the caller keeps the flow conserved. */
    void setFlow(int edge, double f) {
        double flow = Math.max(0, Math.min(f, capacity[edge]));
        residual[edge] = capacity[edge] - flow;
        residual[edge ^ 1] = capacity[edge ^ 1] + flow;
    }

    /** Marks vertices the searches never enter again ({@code null} or all false: none). */
    void setDead(boolean[] vertices) {
        for (int v = 0; v < nodeCount; v++) {
            dead[v] = vertices != null && vertices[v];
        }
    }

    boolean isDead(int vertex) {
        return dead[vertex];
    }

    /** A copy of the current flow (the residual capacities), for {@link #restoreFlow}. */
    double[] saveFlow() {
        return Arrays.copyOf(residual, edgeCount);
    }

    /**
     * Puts back a flow saved with {@link #saveFlow} (no edge added since); capacities changed since must still be at
     * least the saved flow.
     */
    void restoreFlow(double[] saved) {
        for (int e = 0; e < edgeCount; e += 2) {
            double flow = saved[e + 1] - capacity[e + 1];
            residual[e] = capacity[e] - flow;
            residual[e + 1] = saved[e + 1];
        }
    }

    /** Removes all flow. */
    void resetFlow() {
        for (int e = 0; e < edgeCount; e++) {
            residual[e] = capacity[e];
        }
    }

    /** Augments the current flow to a maximum one; returns the amount added. */
    double maxFlow(int source, int sink) {
        double total = 0;
        while (bfs(source, sink)) {
            System.arraycopy(head, 0, current, 0, nodeCount);
            total += blockingFlow(source, sink);
        }
        return total;
    }

    /** The nodes reachable from {@code source} in the residual network (the source side of a minimum cut). */
    boolean[] reachable(int source) {
        boolean[] seen = new boolean[nodeCount];
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        seen[source] = true;
        while (qh < qt) {
            int v = queue[qh++];
            for (int e = head[v]; e >= 0; e = next[e]) {
                if (residual[e] > EPS && !seen[to[e]] && !dead[to[e]]) {
                    seen[to[e]] = true;
                    queue[qt++] = to[e];
                }
            }
        }
        return seen;
    }

    private boolean bfs(int source, int sink) {
        Arrays.fill(level, -1);
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        level[source] = 0;
        while (qh < qt) {
            int v = queue[qh++];
            for (int e = head[v]; e >= 0; e = next[e]) {
                if (residual[e] > EPS && level[to[e]] < 0 && !dead[to[e]]) {
                    level[to[e]] = level[v] + 1;
                    queue[qt++] = to[e];
                }
            }
        }
        return level[sink] >= 0;
    }

    private double blockingFlow(int source, int sink) {
        double total = 0;
        int sinkLevel = level[sink];
        int[] path = new int[Math.max(1, sinkLevel)];
        int depth = 0;
        int v = source;
        while (true) {
            if (v == sink) {
                double push = Double.POSITIVE_INFINITY;
                for (int i = 0; i < depth; i++) {
                    push = Math.min(push, residual[path[i]]);
                }
                int firstSaturated = -1;
                for (int i = 0; i < depth; i++) {
                    int e = path[i];
                    residual[e] -= push;
                    residual[e ^ 1] += push;
                    if (firstSaturated < 0 && residual[e] <= EPS) {
                        firstSaturated = i;
                    }
                }
                total += push;
                depth = firstSaturated < 0 ? 0 : firstSaturated;
                v = depth == 0 ? source : to[path[depth - 1]];
                continue;
            }
            int e = current[v];
            while (e >= 0 && !(residual[e] > EPS && level[to[e]] == level[v] + 1
                    && (level[to[e]] < sinkLevel || to[e] == sink))) {
                e = next[e];
            }
            current[v] = e;
            if (e >= 0) {
                path[depth++] = e;
                v = to[e];
            } else {
                if (v == source) {
                    return total;
                }
                level[v] = -1; // dead end: never enter it again in this phase
                depth--;
                v = depth == 0 ? source : to[path[depth - 1]];
                current[v] = next[current[v]];
            }
        }
    }
}
