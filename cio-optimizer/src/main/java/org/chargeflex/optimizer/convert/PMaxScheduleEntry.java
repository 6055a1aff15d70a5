package org.chargeflex.optimizer.convert;

/** ISO 15118-2 PMaxScheduleEntryType: from the interval's start on, at most PMax. */
public record PMaxScheduleEntry(RelativeTimeInterval relativeTimeInterval, PhysicalValue pMax) {
}
