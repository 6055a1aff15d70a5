package org.chargeflex.m3b.itest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.RecordListener;

/** A data manager listener that keeps every record it is given, in order. */
final class RecordLog implements RecordListener {
    private final List<Record> records = new CopyOnWriteArrayList<>();

    @Override
    public void newRecord(String channelLabel, Record record) {
        records.add(record);
    }

    List<Record> records() {
        return List.copyOf(records);
    }

    int size() {
        return records.size();
    }

    boolean any(Predicate<Record> p) {
        return records.stream().anyMatch(p);
    }

    /** Whether a record with a flag other than VALID came at or after index {@code from}, and a VALID one after it. */
    boolean flaggedThenValidSince(int from) {
        List<Record> rs = records();
        int flagged = -1;
        for (int i = from; i < rs.size(); i++) {
            if (flagged < 0 && rs.get(i).getFlag() != Flag.VALID) {
                flagged = i;
            } else if (flagged >= 0 && rs.get(i).getFlag() == Flag.VALID) {
                return true;
            }
        }
        return false;
    }

    /** The valid values as longs, in arrival order. */
    List<Long> validLongs() {
        return records.stream().filter(Record::isValid).map(r -> r.getValue().asLong()).toList();
    }
}
