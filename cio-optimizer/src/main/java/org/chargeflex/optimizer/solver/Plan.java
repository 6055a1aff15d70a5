package org.chargeflex.optimizer.solver;

import java.util.List;
import java.util.Optional;
import org.chargeflex.optimizer.model.Problem;

/** The optimiser's answer: one schedule per session of the problem (same order) and the summary. */
public record Plan(Problem problem, List<SessionPlan> sessions, Summary summary) {

    public Plan {
        sessions = List.copyOf(sessions);
    }

    public Optional<SessionPlan> session(String id) {
        return sessions.stream().filter(s -> s.sessionId().equals(id)).findFirst();
    }

    /** Total charging per slot, W. */
    public double[] chargingW() {
        double[] total = new double[problem.slots()];
        for (SessionPlan s : sessions) {
            for (int t = 0; t < total.length; t++) {
                total[t] += s.powerW(t);
            }
        }
        return total;
    }
}
