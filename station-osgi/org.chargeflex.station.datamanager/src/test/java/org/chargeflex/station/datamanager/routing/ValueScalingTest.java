package org.chargeflex.station.datamanager.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.datamanager.config.ChannelConfig;
import org.junit.jupiter.api.Test;

class ValueScalingTest {

    private static ChannelConfig scaled(ValueType type, double factor, double offset) {
        return new ChannelConfig("c", "", "x", Map.of(), type, "", 0, false, true, factor, offset,
                OptionalInt.empty());
    }

    @Test
    void scalesDriverValuesIntoTheChannelType() throws Exception {
        assertThat(ValueScaling.scale(Value.of(1234L), scaled(ValueType.DOUBLE, 0.1, -3)).asDouble())
                .isCloseTo(120.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ValueScaling.scale(Value.of(5L), scaled(ValueType.LONG, 10, 1))).isEqualTo(Value.of(51L));
        assertThat(ValueScaling.scale(Value.of("7"), scaled(ValueType.LONG, 1, 0))).isEqualTo(Value.of(7L));
    }

    @Test
    void unscalesWrittenValues() throws Exception {
        ChannelConfig c = scaled(ValueType.DOUBLE, 0.1, -3);
        Value raw = ValueScaling.unscale(ValueScaling.toChannelType(Value.of(50L), c), c);
        assertThat(raw.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(raw.asDouble()).isCloseTo(530.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ValueScaling.unscale(Value.of(70L), scaled(ValueType.LONG, 10, 0))).isEqualTo(Value.of(7L));
    }

    @Test
    void unconvertibleValuesAreInvalidNotExceptions() {
        ChannelConfig c = scaled(ValueType.DOUBLE, 1, 0);
        assertThat(ValueScaling.fromDriver(new Record(Value.of("abc"), 5), c, 9))
                .isEqualTo(Record.of(Flag.INVALID_VALUE, 5));
        assertThat(ValueScaling.fromDriver(new Record(Value.of(new byte[] {1}), 5), scaled(ValueType.LONG, 2, 0), 9)
                .getFlag()).isEqualTo(Flag.INVALID_VALUE);
        assertThat(ValueScaling.fromDriver(new Record(Value.of(1e308), 5), scaled(ValueType.DOUBLE, 1e10, 0), 9)
                .getFlag()).isEqualTo(Flag.INVALID_VALUE); // overflows to infinity
        assertThatThrownBy(() -> ValueScaling.toChannelType(Value.of("abc"), c))
                .isInstanceOf(ValueScaling.InvalidValueException.class);
    }

    @Test
    void missingAndFlaggedDriverRecordsKeepTheReason() {
        ChannelConfig c = scaled(ValueType.DOUBLE, 2, 0);
        assertThat(ValueScaling.fromDriver(null, c, 9)).isEqualTo(Record.of(Flag.DRIVER_ERROR, 9));
        assertThat(ValueScaling.fromDriver(Record.of(Flag.INVALID_CHANNEL_ADDRESS, 4), c, 9))
                .isEqualTo(Record.of(Flag.INVALID_CHANNEL_ADDRESS, 4));
        assertThat(ValueScaling.fromDriver(new Record(Value.of(3L), 4, Flag.DEVICE_REJECTED_VALUE), c, 9))
                .isEqualTo(new Record(Value.of(6.0), 4, Flag.DEVICE_REJECTED_VALUE));
    }
}
