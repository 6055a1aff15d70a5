package org.chargeflex.cio.replan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.station.Station;

/**
 * A joint plan of a target, made ({@link TargetReplanner#propose}) but not yet stored: the background re-planner
 * makes it without the planning locks and stores it under them if it still fits ({@link TargetReplanner#storeIfCurrent}).
 *
 * @param target    the target as read for it
 * @param limits    its nodes' limits then ({@link LimitNodes#limits})
 * @param planned   the sessions planned, each with its current schedule as read
 * @param next      their new plans, in order
 * @param changed   whether each differs from its current schedule (else it keeps it: no new version)
 * @param energies  their remaining and delivered energy as read
 * @param planStart from when the new plans apply
 * @param plannedAt when it was planned
 */
record Proposal(TargetReplanner.Target target, List<NodeLimitKey> limits, List<TargetReplanner.Planned> planned,
        List<PlannedSchedule> next, List<Boolean> changed, List<RemainingEnergy.Remaining> energies,
        Instant planStart, Instant plannedAt) {

    /** A node's limit without its fixed load: what must not change between a proposal and its store. */
    record NodeLimitKey(String id, String parentId, double limitW) {
    }

    Proposal {
        limits = List.copyOf(limits);
        planned = List.copyOf(planned);
        next = List.copyOf(next);
        changed = List.copyOf(changed);
        energies = List.copyOf(energies);
        if (next.size() != planned.size() || changed.size() != planned.size() || energies.size() != planned.size()) {
            throw new IllegalArgumentException("a plan, a changed flag and an energy per planned session: "
                    + planned.size() + " sessions, " + next.size() + " plans, " + changed.size() + " flags, "
                    + energies.size() + " energies");
        }
    }

    /** The indexes of all its planned sessions. */
    List<Integer> all() {
        List<Integer> all = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * Whether a later read of the target has the same grid connection point and the same stations, in the same order,
     * with the same hardware limits and outlets (what the plans were made for, besides the limits).
     */
    boolean sameTarget(TargetReplanner.Target later) {
        if (!Objects.equals(target.gridConnectionPoint(), later.gridConnectionPoint())
                || target.stations().size() != later.stations().size()) {
            return false;
        }
        for (int i = 0; i < target.stations().size(); i++) {
            Station a = target.stations().get(i);
            Station b = later.stations().get(i);
            if (!a.id().equals(b.id()) || a.maxPowerW() != b.maxPowerW()
                    || !Objects.equals(a.gridConnectionPoint(), b.gridConnectionPoint())
                    || !a.outlets().equals(b.outlets())) {
                return false;
            }
        }
        return true;
    }
}
