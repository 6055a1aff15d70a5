package org.chargeflex.optimizer.convert;

import java.time.Instant;
import java.util.List;

/**
 * ISO 15118-2 PMaxScheduleType inside a SAScheduleTuple, with the absolute start the relative times refer to.
 *
 * @param saScheduleTupleId 1 to 255
 * @param startTime         the moment relative time 0 stands for
 * @param pMaxScheduleEntry entries, the first at start 0, the last with a duration
 */
public record PMaxSchedule(int saScheduleTupleId, Instant startTime, List<PMaxScheduleEntry> pMaxScheduleEntry) {

    public PMaxSchedule {
        pMaxScheduleEntry = List.copyOf(pMaxScheduleEntry);
    }
}
