package org.chargeflex.station.api;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An immutable channel value. Conversions between numeric types are lossless where possible; a conversion that makes
 * no sense (a string to a number that does not parse, a byte array to a boolean) throws {@link TypeConversionException}.
 */
public sealed interface Value permits Value.BooleanValue, Value.LongValue, Value.DoubleValue, Value.StringValue,
        Value.ByteArrayValue {

    ValueType type();

    double asDouble();

    long asLong();

    boolean asBoolean();

    String asString();

    byte[] asByteArray();

    static Value of(boolean v) {
        return new BooleanValue(v);
    }

    static Value of(long v) {
        return new LongValue(v);
    }

    static Value of(double v) {
        return new DoubleValue(v);
    }

    static Value of(String v) {
        return new StringValue(v);
    }

    static Value of(byte[] v) {
        return new ByteArrayValue(v);
    }

    /**
     * Converts this value to the given type, e.g. a {@code LongValue} 3 to a {@code DoubleValue} 3.0.
     *
     * @throws TypeConversionException if the value cannot be represented in that type
     */
    default Value convertTo(ValueType target) {
        if (target == type()) {
            return this;
        }
        return switch (target) {
            case BOOLEAN -> of(asBoolean());
            case LONG -> of(asLong());
            case DOUBLE -> of(asDouble());
            case STRING -> of(asString());
            case BYTE_ARRAY -> of(asByteArray());
        };
    }

    /** A boolean; as a number it is 1 or 0. */
    record BooleanValue(boolean value) implements Value {
        public ValueType type() {
            return ValueType.BOOLEAN;
        }

        public double asDouble() {
            return value ? 1 : 0;
        }

        public long asLong() {
            return value ? 1 : 0;
        }

        public boolean asBoolean() {
            return value;
        }

        public String asString() {
            return Boolean.toString(value);
        }

        public byte[] asByteArray() {
            return new byte[] {(byte) (value ? 1 : 0)};
        }
    }

    /** A 64-bit signed integer. */
    record LongValue(long value) implements Value {
        public ValueType type() {
            return ValueType.LONG;
        }

        public double asDouble() {
            return value;
        }

        public long asLong() {
            return value;
        }

        public boolean asBoolean() {
            return value != 0;
        }

        public String asString() {
            return Long.toString(value);
        }

        public byte[] asByteArray() {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (value >>> (56 - 8 * i));
            }
            return b;
        }
    }

    /** A 64-bit floating point number; never NaN or infinite. */
    record DoubleValue(double value) implements Value {
        public DoubleValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a double value must be finite, got " + value);
            }
        }

        public ValueType type() {
            return ValueType.DOUBLE;
        }

        public double asDouble() {
            return value;
        }

        /** Rounds to the nearest long; throws if the value is outside the long range. */
        public long asLong() {
            if (value >= 0x1p63 || value < -0x1p63) {
                throw new TypeConversionException("double " + value + " is outside the range of a long");
            }
            return Math.round(value);
        }

        public boolean asBoolean() {
            return value != 0;
        }

        public String asString() {
            return Double.toString(value);
        }

        public byte[] asByteArray() {
            return new LongValue(Double.doubleToLongBits(value)).asByteArray();
        }
    }

    /** A string; numeric conversions parse it. */
    record StringValue(String value) implements Value {
        public StringValue {
            Objects.requireNonNull(value, "a string value must not be null");
        }

        public ValueType type() {
            return ValueType.STRING;
        }

        public double asDouble() {
            try {
                double d = Double.parseDouble(value.trim());
                if (!Double.isFinite(d)) {
                    throw new TypeConversionException("'" + value + "' is not a finite number");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
        }

        public long asLong() {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an integer");
            }
        }

        public boolean asBoolean() {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "on" -> true;
                case "false", "0", "off" -> false;
                default -> throw new TypeConversionException("'" + value + "' is not a boolean");
            };
        }

        public String asString() {
            return value;
        }

        public byte[] asByteArray() {
            return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A byte array (e.g. a CAN frame). Defensive copies keep it immutable; as a string it is Base64. */
    record ByteArrayValue(byte[] value) implements Value {
        public ByteArrayValue {
            Objects.requireNonNull(value, "a byte array value must not be null");
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public ValueType type() {
            return ValueType.BYTE_ARRAY;
        }

        public double asDouble() {
            throw new TypeConversionException("a byte array is not a number");
        }

        public long asLong() {
            throw new TypeConversionException("a byte array is not a number");
        }

        public boolean asBoolean() {
            throw new TypeConversionException("a byte array is not a boolean");
        }

        public String asString() {
            return Base64.getEncoder().encodeToString(value);
        }

        public byte[] asByteArray() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByteArrayValue other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "ByteArrayValue[" + asString() + "]";
        }
    }
}
