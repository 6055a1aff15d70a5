package org.chargeflex.station.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;

/**
 * Channel values in JSON: BOOLEAN as {@code true}/{@code false}, LONG and DOUBLE as numbers, STRING as a string,
 * BYTE_ARRAY as a Base64 string. Reading is strict: a value must already have the JSON type of the channel's value
 * type (no "42" for a LONG), a LONG must be integral and in range, a DOUBLE finite.
 */
public final class ValueJson {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ValueJson() {
    }

    /** The value as a JSON-ready Java object (Boolean, Long, Double or String), null for no value. */
    public static Object toJson(Value value) {
        if (value == null) {
            return null;
        }
        return switch (value.type()) {
            case BOOLEAN -> value.asBoolean();
            case LONG -> value.asLong();
            case DOUBLE -> value.asDouble();
            case STRING -> value.asString();
            case BYTE_ARRAY -> Base64.getEncoder().encodeToString(value.asByteArray());
        };
    }

    /**
     * Converts a JSON value to a {@link Value} of the given type.
     *
     * @throws ValueJsonException when the JSON value does not have the expected form
     */
    public static Value fromJson(JsonNode node, ValueType type) throws ValueJsonException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new ValueJsonException("the value is missing or null");
        }
        return switch (type) {
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw mismatch(node, type, "true or false");
                }
                yield Value.of(node.booleanValue());
            }
            case LONG -> Value.of(integral(node, type));
            case DOUBLE -> {
                if (!node.isNumber()) {
                    throw mismatch(node, type, "a number");
                }
                double d = node.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new ValueJsonException("the number is too large for a DOUBLE channel");
                }
                yield Value.of(d);
            }
            case STRING -> {
                if (!node.isTextual()) {
                    throw mismatch(node, type, "a string");
                }
                yield Value.of(node.textValue());
            }
            case BYTE_ARRAY -> {
                if (!node.isTextual()) {
                    throw mismatch(node, type, "a Base64 string");
                }
                try {
                    yield Value.of(Base64.getDecoder().decode(node.textValue()));
                } catch (IllegalArgumentException e) {
                    throw new ValueJsonException("a BYTE_ARRAY channel takes a Base64 string: " + e.getMessage());
                }
            }
        };
    }

    private static long integral(JsonNode node, ValueType type) throws ValueJsonException {
        if (!node.isNumber()) {
            throw mismatch(node, type, "an integral number");
        }
        BigInteger i;
        if (node.isIntegralNumber()) {
            i = node.bigIntegerValue();
        } else {
            BigDecimal d = node.decimalValue();
            if (d.signum() != 0 && d.precision() - d.scale() > 19) {
                throw new ValueJsonException("the number " + d + " is outside the range of a LONG channel");
            }
            try {
                i = d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new ValueJsonException("a LONG channel takes an integral number, got " + d.toPlainString());
            }
        }
        if (i.compareTo(LONG_MIN) < 0 || i.compareTo(LONG_MAX) > 0) {
            throw new ValueJsonException("the number " + i + " is outside the range of a LONG channel");
        }
        return i.longValue();
    }

    private static ValueJsonException mismatch(JsonNode node, ValueType type, String expected) {
        return new ValueJsonException("a " + type + " channel takes " + expected + ", got a JSON "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
