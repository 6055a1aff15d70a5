package org.chargeflex.cio.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.dashboard.DashboardSummary.SchedulePeriod;

/** Turns a session's schedule versions into the schedule in force over time. */
final class ScheduleSteps {
    private ScheduleSteps() {
    }

    /**
     * One stored schedule version.
     *
     * @param offsetsSeconds period starts relative to {@code startTime}, ascending, the first 0
     * @param maxPowerW      each period's maximum power, W
     */
    record Version(int version, Instant startTime, Instant validUntil, long[] offsetsSeconds, double[] maxPowerW) {
    }

    /**
     * Each version applies from its start until the next version's start (a re-plan replaces it) or its end of
     * validity, whichever is first; periods outside that span are cut.
     *
     * @param versions ascending by version
     */
    static List<SchedulePeriod> effective(List<Version> versions) {
        List<SchedulePeriod> out = new ArrayList<>();
        for (int v = 0; v < versions.size(); v++) {
            Version version = versions.get(v);
            Instant end = version.validUntil();
            if (v + 1 < versions.size() && versions.get(v + 1).startTime().isBefore(end)) {
                end = versions.get(v + 1).startTime();
            }
            long[] offsets = version.offsetsSeconds();
            for (int p = 0; p < offsets.length; p++) {
                Instant from = version.startTime().plusSeconds(offsets[p]);
                Instant to = p + 1 < offsets.length ? version.startTime().plusSeconds(offsets[p + 1]) : version.validUntil();
                if (to.isAfter(end)) {
                    to = end;
                }
                if (from.isBefore(to)) {
                    out.add(new SchedulePeriod(from, to, version.maxPowerW()[p], version.version()));
                }
            }
        }
        return out;
    }
}
