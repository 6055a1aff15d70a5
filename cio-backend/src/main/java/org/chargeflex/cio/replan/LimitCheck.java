package org.chargeflex.cio.replan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.optimizer.PlannedSchedule;

/**
 * Checks that schedules plus each node's fixed load keep every node's limit at every moment from {@code from} (where the
 * fixed load alone exceeds it, e.g. a management service's schedule under a new curtailment, the schedules must add
 * nothing).
 */
final class LimitCheck {
    private static final double EPSILON_W = 1e-6;

    private LimitCheck() {
    }

    static boolean holds(List<JointPlanner.NodeLimit> nodes, List<String> nodeOfPlan, List<PlannedSchedule> plans,
            Instant from) {
        Map<String, String> parent = new HashMap<>();
        nodes.forEach(n -> parent.put(n.id(), n.parentId()));
        for (JointPlanner.NodeLimit n : nodes) {
            List<StepProfile> profiles = new ArrayList<>(n.fixed());
            for (int i = 0; i < plans.size(); i++) {
                if (isUnder(nodeOfPlan.get(i), n.id(), parent)) {
                    profiles.add(StepProfile.of(plans.get(i)));
                }
            }
            Instant to = from;
            for (StepProfile p : profiles) {
                to = p.end().isAfter(to) ? p.end() : to;
            }
            List<Instant> points = new ArrayList<>();
            for (StepProfile p : profiles) {
                points.addAll(p.breakpoints(from, to));
            }
            for (Instant t : points) {
                double sum = profiles.stream().mapToDouble(p -> p.powerAt(t)).sum();
                double fixed = n.fixed().stream().mapToDouble(p -> p.powerAt(t)).sum();
                if (sum > Math.max(n.limitW(), fixed) + EPSILON_W) { // the plans add nothing where fixed load is over
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isUnder(String node, String ancestor, Map<String, String> parent) {
        for (String n = node; n != null; n = parent.get(n)) {
            if (n.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
