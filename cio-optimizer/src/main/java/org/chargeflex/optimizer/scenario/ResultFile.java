package org.chargeflex.optimizer.scenario;

import java.util.List;
import org.chargeflex.optimizer.convert.OcppChargingSchedule;
import org.chargeflex.optimizer.convert.OcppConverter;
import org.chargeflex.optimizer.model.Session;
import org.chargeflex.optimizer.solver.Plan;
import org.chargeflex.optimizer.solver.Summary;

/** What the command line writes: the summary and every session's schedule (per slot and as OCPP periods in W). */
public record ResultFile(String scenario, String objective, Summary summary, List<Schedule> schedules) {

    /** One session's schedule. */
    public record Schedule(String sessionId, double deliveredWh, double shortfallWh, double[] powerW,
            OcppChargingSchedule ocpp) {
    }

    public static ResultFile of(String scenario, Plan plan) {
        List<Session> sessions = plan.problem().sessions();
        List<Schedule> schedules = new java.util.ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            var sp = plan.sessions().get(i);
            schedules.add(new Schedule(sp.sessionId(), sp.deliveredWh(), sp.shortfallWh(), sp.powerW(),
                    OcppConverter.convert(plan.problem(), sessions.get(i), sp, OcppConverter.Unit.W)));
        }
        return new ResultFile(scenario, plan.problem().objective().name(), plan.summary(), schedules);
    }
}
