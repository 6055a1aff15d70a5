package org.chargeflex.station.api;

import java.util.List;

/**
 * A named data point of the station: a meter reading, the control pilot state, a current limit set-point. Labels may
 * contain '/' to group channels in directories, e.g. {@code outlet1/cp_state}.
 */
public interface Channel {

    String getLabel();

    String getDescription();

    ValueType getValueType();

    /** The unit of the value after scaling, e.g. "W", "A", "Wh"; empty when it has none. */
    String getUnit();

    /** Sampling interval in milliseconds; 0 when the channel is not sampled. */
    long getSamplingIntervalMillis();

    boolean isListening();

    boolean isWritable();

    String getDriverId();

    String getDeviceAddress();

    String getChannelAddress();

    /** The last record; never null (before the first sample it is flagged {@link Flag#NO_VALUE_RECEIVED_YET}). */
    Record getLatestRecord();

    /**
     * Reads the channel synchronously through its driver and returns the fresh record, also stored as the latest.
     * Problems come back as the record's flag, never as an exception.
     */
    Record read();

    /**
     * Writes a value synchronously through the driver. The value is converted to the channel's type and un-scaled
     * first. Returns {@link Flag#VALID} when the driver accepted the value, otherwise the reason it was refused
     * ({@link Flag#ACCESS_DENIED} for a read-only channel, {@link Flag#INVALID_VALUE} for a value of the wrong type,
     * {@link Flag#TIMEOUT}, {@link Flag#DRIVER_UNAVAILABLE}, ...).
     */
    Flag write(Value value);

    /** Stored records with {@code from <= timestamp <= until} (milliseconds), oldest first. */
    List<Record> getHistory(long from, long until);

    void addListener(RecordListener listener);

    void removeListener(RecordListener listener);
}
