package org.chargeflex.optimizer.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.SessionPlan;

/**
 * Turns a session's plan into an OCPP ChargingSchedule: consecutive slots with the same limit become one period; limits
 * are rounded down to 0.1 W (or 0.1 A per phase at 230 V), so the station never exceeds the plan.
 */
public final class OcppConverter {
    /** The unit of the limits. */
    public enum Unit {
        W, A
    }

    /** Phase-to-neutral voltage for the conversion to current, V. */
    public static final double PHASE_VOLTAGE_V = 230.0;

    private OcppConverter() {
    }

    public static OcppChargingSchedule convert(Problem problem, Session session, SessionPlan plan, Unit unit) {
        Objects.requireNonNull(unit, "unit is required");
        if (!session.id().equals(plan.sessionId())) {
            throw new IllegalArgumentException("plan of " + plan.sessionId() + " given for session " + session.id());
        }
        if (plan.slots() != problem.slots()) {
            throw new IllegalArgumentException("plan has " + plan.slots() + " slots, problem " + problem.slots());
        }
        long slotSeconds = problem.slotLength().getSeconds();
        List<OcppChargingSchedulePeriod> periods = new ArrayList<>();
        double last = Double.NaN;
        for (int t = 0; t < plan.slots(); t++) {
            double limit = limit(plan.powerW(t), session.phases(), unit);
            if (limit != last) {
                periods.add(new OcppChargingSchedulePeriod((int) (t * slotSeconds), limit, session.phases()));
                last = limit;
            }
        }
        Double min = session.minPowerW() > 0 ? limit(session.minPowerW(), session.phases(), unit) : null;
        return new OcppChargingSchedule((int) (plan.slots() * slotSeconds), problem.start(), unit.name(), periods, min);
    }

    static double limit(double powerW, int phases, Unit unit) {
        double value = unit == Unit.W ? powerW : powerW / (phases * PHASE_VOLTAGE_V);
        return Math.floor(value * 10 + 1e-9) / 10;
    }
}
