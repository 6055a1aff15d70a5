package org.chargeflex.station.datamanager.routing;

import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.datamanager.config.ChannelConfig;

/**
 * Converts values between the driver's view and the channel's: to the channel's value type and, for LONG and DOUBLE
 * channels, {@code channel = driver * scalingFactor + valueOffset}. Failures come back as {@link Flag#INVALID_VALUE}
 * records or as {@link InvalidValueException}, never as other exceptions.
 */
public final class ValueScaling {

    private ValueScaling() {
    }

    /** The value cannot be represented in the channel's type. */
    public static final class InvalidValueException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidValueException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The record a driver delivered as the channel shows it. A missing record becomes {@link Flag#DRIVER_ERROR}; a
     * valid one whose value does not convert becomes {@link Flag#INVALID_VALUE}; a flagged one keeps its flag (and its
     * value if that converts).
     */
    public static Record fromDriver(Record raw, ChannelConfig config, long now) {
        if (raw == null) {
            return Record.of(Flag.DRIVER_ERROR, now);
        }
        Value value = raw.getValue();
        if (value == null) {
            return raw.isValid() ? Record.of(Flag.INVALID_VALUE, raw.getTimestamp()) : raw;
        }
        try {
            return new Record(scale(value, config), raw.getTimestamp(), raw.getFlag());
        } catch (InvalidValueException e) {
            return raw.isValid() ? Record.of(Flag.INVALID_VALUE, raw.getTimestamp())
                    : Record.of(raw.getFlag(), raw.getTimestamp());
        }
    }

    /** A driver value converted to the channel's type and scaled. */
    public static Value scale(Value driverValue, ChannelConfig config) throws InvalidValueException {
        try {
            if (config.isNumeric() && config.isScaled()) {
                double scaled = driverValue.asDouble() * config.scalingFactor() + config.valueOffset();
                return Value.of(scaled).convertTo(config.valueType());
            }
            return driverValue.convertTo(config.valueType());
        } catch (RuntimeException e) {
            throw new InvalidValueException(
                    "cannot convert " + driverValue + " to " + config.valueType() + ": " + e.getMessage(), e);
        }
    }

    /** A value written by a user, converted to the channel's type (what the channel will show once written). */
    public static Value toChannelType(Value value, ChannelConfig config) throws InvalidValueException {
        try {
            return value.convertTo(config.valueType());
        } catch (RuntimeException e) {
            throw new InvalidValueException(
                    "cannot convert " + value + " to " + config.valueType() + ": " + e.getMessage(), e);
        }
    }

    /** A channel-typed value un-scaled into what the driver writes: {@code (value - valueOffset) / scalingFactor}. */
    public static Value unscale(Value channelValue, ChannelConfig config) throws InvalidValueException {
        if (!config.isNumeric() || !config.isScaled()) {
            return channelValue;
        }
        try {
            double raw = (channelValue.asDouble() - config.valueOffset()) / config.scalingFactor();
            return Value.of(raw).convertTo(config.valueType());
        } catch (RuntimeException e) {
            throw new InvalidValueException("cannot un-scale " + channelValue + ": " + e.getMessage(), e);
        }
    }
}
