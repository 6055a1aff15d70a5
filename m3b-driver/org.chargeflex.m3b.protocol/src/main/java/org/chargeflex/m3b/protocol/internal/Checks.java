package org.chargeflex.m3b.protocol.internal;

import java.nio.charset.StandardCharsets;

/** Argument checks shared by the message types, with messages that name the field and the allowed range. */
public final class Checks {
    public static final int MAX_OUTLET = 16;
    public static final int MAX_STRING_BYTES = 32;

    private Checks() {
    }

    public static int outlet(int outlet) {
        if (outlet < 1 || outlet > MAX_OUTLET) {
            throw new IllegalArgumentException("outlet must be 1.." + MAX_OUTLET + ", got " + outlet);
        }
        return outlet;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public static String shortString(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null (use \"\" for none)");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_STRING_BYTES
                    + " bytes of UTF-8, got '" + value + "'");
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be set");
        }
        return value;
    }
}
