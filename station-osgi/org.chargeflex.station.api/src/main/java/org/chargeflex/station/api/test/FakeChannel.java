package org.chargeflex.station.api.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.RecordListener;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;

/** An in-memory channel: writes become the latest record (when writable) and are kept in an unbounded history. */
public class FakeChannel implements Channel {
    private final String label;
    private final ValueType type;
    private final boolean writable;
    private final List<Record> history = new CopyOnWriteArrayList<>();
    private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Record latest = Record.of(Flag.NO_VALUE_RECEIVED_YET, 0);
    private volatile Flag writeOutcome = Flag.VALID;

    public FakeChannel(String label, ValueType type, boolean writable) {
        this.label = label;
        this.type = type;
        this.writable = writable;
    }

    /** Sets the latest record as a driver would, notifying listeners. */
    public void update(Record record) {
        latest = record;
        history.add(record);
        listeners.forEach(l -> l.newRecord(label, record));
    }

    /** Makes the next writes fail with this flag (VALID to succeed again). */
    public void setWriteOutcome(Flag flag) {
        this.writeOutcome = flag;
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public String getDescription() {
        return "fake " + label;
    }

    @Override
    public ValueType getValueType() {
        return type;
    }

    @Override
    public String getUnit() {
        return "";
    }

    @Override
    public long getSamplingIntervalMillis() {
        return 0;
    }

    @Override
    public boolean isListening() {
        return false;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public String getDriverId() {
        return "fake";
    }

    @Override
    public String getDeviceAddress() {
        return "fake";
    }

    @Override
    public String getChannelAddress() {
        return label;
    }

    @Override
    public Record getLatestRecord() {
        return latest;
    }

    @Override
    public Record read() {
        return latest;
    }

    @Override
    public Flag write(Value value) {
        if (!writable) {
            return Flag.ACCESS_DENIED;
        }
        if (value == null) {
            return Flag.CANNOT_WRITE_NULL_VALUE;
        }
        Value converted;
        try {
            converted = value.convertTo(type);
        } catch (TypeConversionException e) {
            return Flag.INVALID_VALUE;
        }
        Flag outcome = writeOutcome;
        if (outcome == Flag.VALID) {
            update(new Record(converted, System.currentTimeMillis()));
        }
        return outcome;
    }

    @Override
    public List<Record> getHistory(long from, long until) {
        List<Record> out = new ArrayList<>();
        for (Record r : history) {
            if (r.getTimestamp() >= from && r.getTimestamp() <= until) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void addListener(RecordListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RecordListener listener) {
        listeners.remove(listener);
    }
}
