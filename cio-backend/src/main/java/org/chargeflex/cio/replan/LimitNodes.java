package org.chargeflex.cio.replan;

import java.util.List;

/**
 * The limit nodes of a target for {@link JointPlanner} and {@link LimitCheck}: its grid connection point ({@code "g"},
 * none for a station on none) and its stations ({@code "s0"}, {@code "s1"}, ... in the target's order) under it, each
 * with its fixed load (sessions not re-planned, added with {@link #addFixed}; a station's also counts at its grid
 * connection point).
 *
 * @param root the grid connection point's node id, or {@code null}
 */
record LimitNodes(List<JointPlanner.NodeLimit> list, String root) {

    static String stationNode(int index) {
        return "s" + index;
    }

    /** Adds a schedule that stays as it is to the station's node (and its grid connection point's). */
    void addFixed(int stationIndex, StepProfile load) {
        list.get(root == null ? stationIndex : stationIndex + 1).fixed().add(load);
        if (root != null) {
            list.get(0).fixed().add(load);
        }
    }

    /** The nodes' limits, without their fixed load. */
    List<Proposal.NodeLimitKey> limits() {
        return list.stream().map(n -> new Proposal.NodeLimitKey(n.id(), n.parentId(), n.limitW())).toList();
    }
}
