package org.chargeflex.station.datamanager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.RecordListener;

/** A listener that keeps every record it is given. */
public final class RecordLog implements RecordListener {
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final List<String> labels = new CopyOnWriteArrayList<>();

    @Override
    public void newRecord(String channelLabel, Record record) {
        labels.add(channelLabel);
        records.add(record);
    }

    public List<Record> records() {
        return List.copyOf(records);
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    public List<Flag> flags() {
        return records.stream().map(Record::getFlag).toList();
    }

    public int size() {
        return records.size();
    }

    public long count(Flag flag) {
        return records.stream().filter(r -> r.getFlag() == flag).count();
    }

    /** Records with this flag that came after the first record with {@code after}. */
    public long countAfter(Flag after, Flag flag) {
        List<Flag> fs = flags();
        int i = fs.indexOf(after);
        return i < 0 ? 0 : fs.subList(i + 1, fs.size()).stream().filter(f -> f == flag).count();
    }

    public Record last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }
}
