package org.chargeflex.optimizer.convert;

import java.util.ArrayList;
import java.util.List;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.solver.SessionPlan;

/**
 * Turns a session's plan into an ISO 15118-2 PMaxSchedule: consecutive slots with the same PMax become one entry; the
 * last entry carries the duration to the end of the horizon; PMax is rounded down to what a PhysicalValue can hold.
 * At most 1024 entries (ISO 15118-2's limit for a whole schedule tuple).
 */
public final class Iso15118Converter {
    public static final int MAX_ENTRIES = 1024;

    private Iso15118Converter() {
    }

    public static PMaxSchedule convert(Problem problem, SessionPlan plan, int saScheduleTupleId) {
        if (saScheduleTupleId < 1 || saScheduleTupleId > 255) {
            throw new IllegalArgumentException("saScheduleTupleId must be 1 to 255, was " + saScheduleTupleId);
        }
        long slotSeconds = problem.slotLength().getSeconds();
        List<Long> starts = new ArrayList<>();
        List<PhysicalValue> values = new ArrayList<>();
        for (int t = 0; t < plan.slots(); t++) {
            PhysicalValue v = PhysicalValue.wattsAtMost(plan.powerW(t));
            if (values.isEmpty() || !values.get(values.size() - 1).equals(v)) {
                starts.add(t * slotSeconds);
                values.add(v);
            }
        }
        if (values.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("the plan needs " + values.size() + " entries, ISO 15118-2 allows " + MAX_ENTRIES);
        }
        List<PMaxScheduleEntry> entries = new ArrayList<>();
        long end = plan.slots() * slotSeconds;
        for (int i = 0; i < values.size(); i++) {
            Long duration = i == values.size() - 1 ? end - starts.get(i) : null;
            entries.add(new PMaxScheduleEntry(new RelativeTimeInterval(starts.get(i), duration), values.get(i)));
        }
        return new PMaxSchedule(saScheduleTupleId, problem.start(), entries);
    }
}
