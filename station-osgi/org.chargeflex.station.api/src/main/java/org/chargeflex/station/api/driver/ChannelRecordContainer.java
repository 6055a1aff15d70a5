package org.chargeflex.station.api.driver;

import java.util.Map;
import java.util.Objects;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.ValueType;

/**
 * Carries one channel into a driver's {@code read} or {@code startListening} call and the driver's record back out.
 * The driver sets a record on every container it was given: a valid one, or one flagged with the channel's problem.
 */
public final class ChannelRecordContainer {
    private final String channelAddress;
    private final ValueType valueType;
    private final Map<String, String> parameters;
    private volatile Record record;
    private volatile Object handle;

    public ChannelRecordContainer(String channelAddress, ValueType valueType, Map<String, String> parameters) {
        this.channelAddress = Objects.requireNonNull(channelAddress, "channelAddress");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    public String getChannelAddress() {
        return channelAddress;
    }

    /** The type the data manager expects; a driver may return another numeric type, which is converted. */
    public ValueType getValueType() {
        return valueType;
    }

    /** Per-channel driver parameters from the channel configuration. */
    public Map<String, String> getParameters() {
        return parameters;
    }

    public Record getRecord() {
        return record;
    }

    public void setRecord(Record record) {
        this.record = record;
    }

    /** A driver may cache a parsed form of the address here; the data manager keeps it between calls. */
    public Object getHandle() {
        return handle;
    }

    public void setHandle(Object handle) {
        this.handle = handle;
    }
}
