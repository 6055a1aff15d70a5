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
    private int edgeCount;
    /** Per edge id (the reverse of id e is e ^ 1): its tail, head and capacity. */
    private int[] tail;
    private int[] head;
    private double[] capacity;
    /**
     * The searches' layout (built once, on first use, see {@link #compact}): the arcs of vertex v are the positions
     * {@code start[v]} to {@code start[v + 1] - 1}, in the order the edges were added to v, newest first; per position
     * the arc's head, its reverse's position and its residual capacity. {@code pos[e]} is the position of edge id e.
     */
    private int[] start;
    private int[] to;
    private int[] rev;
    private double[] residual;
    private int[] pos;
    private final int[] level;
    private final int[] current;
    private final int[] queue;
    /** Vertices the search never enters (a part whose flow is final). */
    private final boolean[] dead;

    FlowNetwork(int nodeCount, int expectedEdges) {
        this.nodeCount = nodeCount;
        int e = Math.max(16, expectedEdges * 2);
        tail = new int[e];
        head = new int[e];
        capacity = new double[e];
        level = new int[nodeCount];
        current = new int[nodeCount];
        queue = new int[nodeCount];
        dead = new boolean[nodeCount];
    }

    int nodeCount() {
        return nodeCount;
    }

    /** Adds an edge and its reverse; returns the edge's index (the reverse is index ^ 1). Only before any other use. */
    int addEdge(int from, int toNode, double cap) {
        if (pos != null) {
            throw new IllegalStateException("edges are added before the network is first used");
        }
        if (edgeCount + 2 > head.length) {
            int n = head.length * 2;
            tail = Arrays.copyOf(tail, n);
            head = Arrays.copyOf(head, n);
            capacity = Arrays.copyOf(capacity, n);
        }
        int e = edgeCount;
        tail[e] = from;
        head[e] = toNode;
        capacity[e] = cap;
        tail[e + 1] = toNode;
        head[e + 1] = from;
        edgeCount += 2;
        return e;
    }

    /** Lays the arcs out vertex by vertex (a counting sort), so the searches scan contiguous memory; no flow yet. */
    private void compact() {
        if (pos != null) {
            return;
        }
        start = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            start[tail[e] + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, nodeCount);
        pos = new int[edgeCount];
        for (int e = edgeCount - 1; e >= 0; e--) { // newest first, the order of the former adjacency lists
            pos[e] = fill[tail[e]]++;
        }
        to = new int[edgeCount];
        rev = new int[edgeCount];
        residual = new double[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            int p = pos[e];
            to[p] = head[e];
            rev[p] = pos[e ^ 1];
            residual[p] = capacity[e];
        }
    }

    double flow(int edge) {
        compact();
        return capacity[edge] - residual[pos[edge]];
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
        residual[pos[edge]] = Math.max(0, cap - f);
    }

    /** Sets an edge's flow (at most its capacity); the caller keeps the flow conserved. */
    void setFlow(int edge, double f) {
        compact();
        double flow = Math.max(0, Math.min(f, capacity[edge]));
        residual[pos[edge]] = capacity[edge] - flow;
        residual[pos[edge ^ 1]] = capacity[edge ^ 1] + flow;
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
        compact();
        return residual.clone();
    }

    /**
     * Puts back a flow saved with {@link #saveFlow}; capacities changed since must still be at least the saved flow.
     */
    void restoreFlow(double[] saved) {
        compact();
        for (int e = 0; e < edgeCount; e += 2) {
            int p = pos[e];
            int r = pos[e + 1];
            double flow = saved[r] - capacity[e + 1];
            residual[p] = capacity[e] - flow;
            residual[r] = saved[r];
        }
    }

    /** Removes all flow. */
    void resetFlow() {
        compact();
        for (int e = 0; e < edgeCount; e++) {
            residual[pos[e]] = capacity[e];
        }
    }

    /** Augments the current flow to a maximum one; returns the amount added. */
    double maxFlow(int source, int sink) {
        compact();
        double total = 0;
        while (bfs(source, sink)) {
            System.arraycopy(start, 0, current, 0, nodeCount);
            total += blockingFlow(source, sink);
        }
        return total;
    }

    /** The nodes reachable from {@code source} in the residual network (the source side of a minimum cut). */
    boolean[] reachable(int source) {
        compact();
        boolean[] seen = new boolean[nodeCount];
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        seen[source] = true;
        while (qh < qt) {
            int v = queue[qh++];
            for (int p = start[v], end = start[v + 1]; p < end; p++) {
                int w = to[p];
                if (residual[p] > EPS && !seen[w] && !dead[w]) {
                    seen[w] = true;
                    queue[qt++] = w;
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
            for (int p = start[v], end = start[v + 1]; p < end; p++) {
                int w = to[p];
                if (residual[p] > EPS && level[w] < 0 && !dead[w]) {
                    level[w] = level[v] + 1;
                    if (w == sink) {
                        return true; // the blocking flow never enters a vertex at the sink's level or deeper
                    }
                    queue[qt++] = w;
                }
            }
        }
        return false;
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
                    int p = path[i];
                    residual[p] -= push;
                    residual[rev[p]] += push;
                    if (firstSaturated < 0 && residual[p] <= EPS) {
                        firstSaturated = i;
                    }
                }
                total += push;
                depth = firstSaturated < 0 ? 0 : firstSaturated;
                v = depth == 0 ? source : to[path[depth - 1]];
                continue;
            }
            int p = current[v];
            int end = start[v + 1];
            int want = level[v] + 1;
            while (p < end && !(residual[p] > EPS && level[to[p]] == want && (want < sinkLevel || to[p] == sink))) {
                p++;
            }
            current[v] = p;
            if (p < end) {
                path[depth++] = p;
                v = to[p];
            } else {
                if (v == source) {
                    return total;
                }
                level[v] = -1; // dead end: never enter it again in this phase
                depth--;
                v = depth == 0 ? source : to[path[depth - 1]];
                current[v]++;
            }
        }
    }
}
