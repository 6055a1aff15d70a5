package org.chargeflex.station.api;

import java.util.Objects;

/**
 * One sample of a channel: a value, the time it was taken (milliseconds since the epoch) and its {@link Flag}. A
 * record flagged {@link Flag#VALID} always has a value; any other flag may come with the last known value or none.
 */
public final class Record {
    private final Value value;
    private final long timestamp;
    private final Flag flag;

    public Record(Value value, long timestamp, Flag flag) {
        this.flag = Objects.requireNonNull(flag, "flag");
        if (flag == Flag.VALID && value == null) {
            throw new IllegalArgumentException("a VALID record must carry a value");
        }
        this.value = value;
        this.timestamp = timestamp;
    }

    /** A valid record. */
    public Record(Value value, long timestamp) {
        this(value, timestamp, Flag.VALID);
    }

    /** A record without a value that only carries the reason. */
    public static Record of(Flag flag, long timestamp) {
        return new Record(null, timestamp, flag);
    }

    /** The value, or null where none was obtained. */
    public Value getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public Flag getFlag() {
        return flag;
    }

    public boolean isValid() {
        return flag == Flag.VALID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && r.timestamp == timestamp && r.flag == flag && Objects.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, flag);
    }

    @Override
    public String toString() {
        return "Record{" + value + ", t=" + timestamp + ", " + flag + "}";
    }
}
