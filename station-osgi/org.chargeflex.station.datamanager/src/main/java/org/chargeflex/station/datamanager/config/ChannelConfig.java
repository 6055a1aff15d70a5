package org.chargeflex.station.datamanager.config;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.chargeflex.station.api.ValueType;

/**
 * One channel as configured in the channels file, with defaults filled in.
 *
 * @param historyMaxRecords the channel's own history bound; empty when the data manager's default applies
 */
public record ChannelConfig(String label, String description, String channelAddress, Map<String, String> parameters,
        ValueType valueType, String unit, long samplingIntervalMillis, boolean listening, boolean writable,
        double scalingFactor, double valueOffset, OptionalInt historyMaxRecords) {

    public ChannelConfig {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(channelAddress, "channelAddress");
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(historyMaxRecords, "historyMaxRecords");
    }

    /** A channel with every optional field at its default; handy for tests and programmatic set-up. */
    public static ChannelConfig of(String label, String channelAddress, ValueType valueType) {
        return new ChannelConfig(label, "", channelAddress, Map.of(), valueType, "", 0, false, false, 1.0, 0.0,
                OptionalInt.empty());
    }

    public boolean isNumeric() {
        return valueType == ValueType.LONG || valueType == ValueType.DOUBLE;
    }

    public boolean isScaled() {
        return scalingFactor != 1.0 || valueOffset != 0.0;
    }

    /** The history bound that applies: the channel's own or else the default. */
    public int effectiveHistoryMaxRecords(int defaultMaxRecords) {
        return historyMaxRecords.orElse(defaultMaxRecords);
    }
}
