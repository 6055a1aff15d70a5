package org.chargeflex.optimizer.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.optimizer.model.LimitNode;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;

/**
 * The flow network of a problem, in power units (W per slot; energy = flow x slot hours):
 * source -> session i (its demand) -> (station k, slot t) for every slot inside the session's window (its max power)
 * -> (parent of k, t) -> ... -> (root, t) -> sink (the root's capacity in slot t, set by the stage that uses the model).
 * A node's edge to its parent carries its limit less the base load below it. Several roots get a virtual root above
 * them without a limit. Node-slots whose limit can never bind share their parent's vertex (see {@link #vertices}).
 */
final class FlowModel {
    static final int SOURCE = 0;
    static final int SINK = 1;
    /** Stands for "no limit" on the virtual root, W. */
    static final double UNLIMITED = 1e12;

    final Problem problem;
    final int slots;
    final int sessionCount;
    final FlowNetwork net;
    /** Per root slot: the root's physical headroom for charging, W (limit less all base load, at least 0). */
    final double[] rootHeadroom;
    /** Per node-slot: the node's capacity for charging, W; index k * slots + t, the root last. */
    final double[] nodeCapacity;
    /** Parent index per node, -1 for the root. */
    final int[] parent;
    /** The node index of each session. */
    final int[] sessionNode;
    final int[] firstSlot;
    final int[] endSlot;
    private final int[] sourceEdge;
    private final int[] sessionEdgeStart;
    private final int[] sessionEdges;
    private final int[] rootEdge;
    private final double[] demand;
    private final int nodeBase;
    /** The network vertex of each node-slot (k * slots + t); a redundant node-slot shares its parent's. */
    private final int[] vertex;
    private int vertexCount;
    /** Node-slots with a vertex of their own (see {@link #vertices}). */
    private final boolean[] own;
    /** The edge of each node-slot to its parent, -1 if none. */
    private final int[] treeEdge;
    /** The nodes, children before their parents. */
    private final int[] deepestFirst;
    final int root;

    FlowModel(Problem problem, double[] demandWh) {
        this.problem = problem;
        this.slots = problem.slots();
        List<LimitNode> nodes = problem.nodes();
        List<Session> sessions = problem.sessions();
        this.sessionCount = sessions.size();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            index.put(nodes.get(k).id(), k);
        }
        long roots = nodes.stream().filter(n -> n.parentId() == null).count();
        int nodeCount = roots == 1 ? nodes.size() : nodes.size() + 1;
        parent = new int[nodeCount];
        int virtualRoot = roots == 1 ? -1 : nodes.size();
        int theRoot = virtualRoot;
        for (int k = 0; k < nodes.size(); k++) {
            String p = nodes.get(k).parentId();
            parent[k] = p == null ? virtualRoot : index.get(p);
            if (p == null && roots == 1) {
                theRoot = k;
            }
        }
        if (virtualRoot >= 0) {
            parent[virtualRoot] = -1;
        }
        root = theRoot;
        nodeCapacity = capacities(nodes, nodeCount);
        rootHeadroom = new double[slots];
        System.arraycopy(nodeCapacity, root * slots, rootHeadroom, 0, slots);

        sessionNode = new int[sessionCount];
        firstSlot = new int[sessionCount];
        endSlot = new int[sessionCount];
        sessionEdgeStart = new int[sessionCount + 1];
        double[] maxPower = new double[sessionCount];
        int sessionEdgeTotal = 0;
        for (int i = 0; i < sessionCount; i++) {
            Session s = sessions.get(i);
            sessionNode[i] = index.get(s.nodeId());
            firstSlot[i] = problem.firstSlot(s);
            endSlot[i] = problem.endSlot(s);
            maxPower[i] = s.effectiveMaxPowerW();
            sessionEdgeStart[i] = sessionEdgeTotal;
            sessionEdgeTotal += endSlot[i] - firstSlot[i];
        }
        sessionEdgeStart[sessionCount] = sessionEdgeTotal;
        nodeBase = 2 + sessionCount;
        own = new boolean[nodeCount * slots];
        deepestFirst = new int[nodeCount];
        vertex = vertices(maxPower);
        int treeEdges = 0;
        for (boolean o : own) {
            treeEdges += o ? 1 : 0;
        }
        net = new FlowNetwork(nodeBase + vertexCount, sessionCount + sessionEdgeTotal + treeEdges);
        demand = new double[sessionCount];
        sourceEdge = new int[sessionCount];
        sessionEdges = new int[sessionEdgeTotal];
        double hours = problem.slotHours();
        for (int i = 0; i < sessionCount; i++) {
            demand[i] = demandWh[i] / hours;
            sourceEdge[i] = net.addEdge(SOURCE, 2 + i, demand[i]);
            for (int t = firstSlot[i]; t < endSlot[i]; t++) {
                sessionEdges[sessionEdgeStart[i] + t - firstSlot[i]] =
                        net.addEdge(2 + i, nodeVertex(sessionNode[i], t), maxPower[i]);
            }
        }
        treeEdge = new int[nodeCount * slots];
        for (int k = 0; k < nodeCount; k++) {
            for (int t = 0; t < slots; t++) {
                treeEdge[k * slots + t] = k != root && own[k * slots + t]
                        ? net.addEdge(nodeVertex(k, t), nodeVertex(parent[k], t), nodeCapacity[k * slots + t]) : -1;
            }
        }
        rootEdge = new int[slots];
        for (int t = 0; t < slots; t++) {
            rootEdge[t] = net.addEdge(nodeVertex(root, t), SINK, 0);
        }
    }

    /**
     * Numbers the node-slot vertices. A node's limit in a slot is redundant when everything that could flow into it
     * (the max power of its sessions in that slot, capped by its children's limits) fits under it: such a node-slot gets
     * no vertex of its own, its inflow goes straight to the vertex of its parent (exact: the edge could never be
     * saturated). {@code own} marks the node-slots that keep a vertex and an edge to their parent.
     */
    private int[] vertices(double[] maxPower) {
        int nodeCount = parent.length;
        int[] depth = new int[nodeCount];
        for (int k = 0; k < nodeCount; k++) {
            for (int up = parent[k]; up >= 0; up = parent[up]) {
                depth[k]++;
            }
        }
        Integer[] order = new Integer[nodeCount];
        java.util.Arrays.setAll(order, k -> k);
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(depth[b], depth[a])); // deepest first
        double[] maxIn = new double[nodeCount * slots];
        for (int i = 0; i < sessionCount; i++) {
            for (int t = firstSlot[i]; t < endSlot[i]; t++) {
                maxIn[sessionNode[i] * slots + t] += maxPower[i];
            }
        }
        for (int j = 0; j < nodeCount; j++) {
            deepestFirst[j] = order[j];
        }
        for (int k : order) {
            if (k != root) {
                for (int t = 0; t < slots; t++) {
                    maxIn[parent[k] * slots + t] += Math.min(maxIn[k * slots + t], nodeCapacity[k * slots + t]);
                }
            }
        }
        int[] v = new int[nodeCount * slots];
        int next = 0;
        for (int j = nodeCount - 1; j >= 0; j--) { // parents before children
            int k = order[j];
            for (int t = 0; t < slots; t++) {
                int kt = k * slots + t;
                own[kt] = k == root || maxIn[kt] > nodeCapacity[kt];
                v[kt] = own[kt] ? nodeBase + next++ : v[parent[k] * slots + t];
            }
        }
        vertexCount = next;
        return v;
    }

    /** Limit less the base load in the node's subtree, never below 0; the virtual root is unlimited. */
    private double[] capacities(List<LimitNode> nodes, int nodeCount) {
        double[] subtreeBase = new double[nodeCount * slots];
        for (int k = 0; k < nodes.size(); k++) {
            for (int t = 0; t < slots; t++) {
                double b = nodes.get(k).baseLoadW(t);
                for (int up = k; up >= 0; up = parent[up]) {
                    subtreeBase[up * slots + t] += b;
                }
            }
        }
        double[] cap = new double[nodeCount * slots];
        for (int k = 0; k < nodeCount; k++) {
            for (int t = 0; t < slots; t++) {
                double limit = k < nodes.size() ? nodes.get(k).maxPowerW(t) : UNLIMITED;
                cap[k * slots + t] = Math.max(0, limit - subtreeBase[k * slots + t]);
            }
        }
        return cap;
    }

    int nodeVertex(int node, int slot) {
        return vertex[node * slots + slot];
    }

    int sessionVertex(int session) {
        return 2 + session;
    }

    int rootVertex(int slot) {
        return nodeVertex(root, slot);
    }

    /** The demand of session i, W x slots. */
    double demand(int i) {
        return demand[i];
    }

    double totalDemand() {
        double d = 0;
        for (double x : demand) {
            d += x;
        }
        return d;
    }

    /** The demand of the sessions whose vertex is not {@code dead}, W x slots. */
    double demandOf(boolean[] dead) {
        double d = 0;
        for (int i = 0; i < sessionCount; i++) {
            d += dead[sessionVertex(i)] ? 0 : demand[i];
        }
        return d;
    }

    /** Sets session i's demand (W x slots) and its source edge's capacity; call with no flow. */
    void setDemand(int session, double flow) {
        demand[session] = flow;
        net.setCapacity(sourceEdge[session], flow);
    }

    void setSourceCapacity(int session, double cap) {
        net.setCapacity(sourceEdge[session], cap);
    }

    double sourceFlow(int session) {
        return net.flow(sourceEdge[session]);
    }

    void setRootCapacity(int slot, double cap) {
        net.setCapacity(rootEdge[slot], Math.max(0, cap));
    }

    double rootCapacity(int slot) {
        return net.capacity(rootEdge[slot]);
    }

    double rootFlow(int slot) {
        return net.flow(rootEdge[slot]);
    }

    /** Augments to a maximum flow; returns the total flow now. */
    double maximise() {
        net.maxFlow(SOURCE, SINK);
        return totalFlow();
    }

    double totalFlow() {
        double f = 0;
        for (int t = 0; t < slots; t++) {
            f += net.flow(rootEdge[t]);
        }
        return f;
    }

    /** The highest flow session i could get on its own: its max power or the tightest node above it, per slot. */
    double individualMaximum(int i) {
        double max = problem.sessions().get(i).effectiveMaxPowerW();
        double sum = 0;
        for (int t = firstSlot[i]; t < endSlot[i]; t++) {
            double cap = max;
            for (int k = sessionNode[i]; k >= 0; k = parent[k]) {
                cap = Math.min(cap, nodeCapacity[k * slots + t]);
            }
            sum += cap;
        }
        return sum;
    }

    /**
     * Restarts the flow of the vertices that are not {@code dead}, keeping the flow of the dead part: the live
     * sessions' flow is removed; what dead vertices send into live ones (edges across the cut) is routed up the tree
     * (each slot's node vertices form a tree) to the sink. Returns that fixed flow per root slot (0 for a dead root
     * slot). Valid when no flow goes from a live vertex into a dead one (the dead part is the source side of a
     * minimum cut that the flow saturates).
     */
    double[] restartLive(boolean[] dead) {
        double[] inflow = new double[net.nodeCount()];
        for (int i = 0; i < sessionCount; i++) {
            boolean deadSession = dead[sessionVertex(i)];
            if (!deadSession) {
                net.setFlow(sourceEdge[i], 0);
            }
            for (int t = firstSlot[i]; t < endSlot[i]; t++) {
                int e = sessionEdges[sessionEdgeStart[i] + t - firstSlot[i]];
                int v = nodeVertex(sessionNode[i], t);
                if (deadSession && !dead[v]) {
                    inflow[v] += net.flow(e);
                } else if (!deadSession && !dead[v]) {
                    net.setFlow(e, 0);
                }
            }
        }
        for (int k : deepestFirst) {
            for (int t = 0; t < slots; t++) {
                int e = treeEdge[k * slots + t];
                if (e < 0) {
                    continue;
                }
                int u = nodeVertex(k, t);
                int v = nodeVertex(parent[k], t);
                if (dead[u] && !dead[v]) {
                    inflow[v] += net.flow(e);
                } else if (!dead[u] && !dead[v]) {
                    net.setFlow(e, inflow[u]);
                    inflow[v] += inflow[u];
                }
            }
        }
        double[] fixed = new double[slots];
        for (int t = 0; t < slots; t++) {
            int u = rootVertex(t);
            if (!dead[u]) {
                fixed[t] = inflow[u];
                net.setFlow(rootEdge[t], Math.min(inflow[u], net.capacity(rootEdge[t])));
            }
        }
        return fixed;
    }

    /** The power of every session in every slot, W (from the current flow). */
    double[][] powers() {
        double[][] p = new double[sessionCount][slots];
        for (int i = 0; i < sessionCount; i++) {
            for (int t = firstSlot[i]; t < endSlot[i]; t++) {
                p[i][t] = Math.max(0, net.flow(sessionEdges[sessionEdgeStart[i] + t - firstSlot[i]]));
            }
        }
        return p;
    }
}
