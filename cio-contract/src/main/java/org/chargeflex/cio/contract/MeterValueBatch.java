package org.chargeflex.cio.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Meter values a station sends in one go. The CIO stores each (station, sequence number) once, so a batch may be sent
 * again after a lost answer; the answer says how many values were new.
 *
 * @param stationId the station (must be the station that authenticates)
 * @param items     1 to {@link #MAX_ITEMS} values with distinct sequence numbers
 */
public record MeterValueBatch(String stationId, List<MeterValue> items) {

    /** The most values in one batch. */
    public static final int MAX_ITEMS = 1000;

    public MeterValueBatch {
        Checks.id(stationId, "stationId");
        Checks.required(items, "items");
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("items must have 1 to " + MAX_ITEMS + " entries, had " + items.size());
        }
        items = List.copyOf(items);
        Set<Long> seen = new HashSet<>();
        for (MeterValue item : items) {
            if (!seen.add(item.sequenceNumber())) {
                throw new IllegalArgumentException("items has sequenceNumber " + item.sequenceNumber() + " twice");
            }
        }
    }
}
