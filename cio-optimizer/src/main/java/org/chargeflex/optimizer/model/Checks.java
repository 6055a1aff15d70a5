package org.chargeflex.optimizer.model;

import java.util.Objects;

/** Argument checks with messages that name the field. */
final class Checks {
    private Checks() {
    }

    static String id(String value, String field) {
        Objects.requireNonNull(value, () -> field + " is required");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException(field + " must be 1 to 64 non-blank characters, was '" + value + "'");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static double nonNegative(double value, String field) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static double positive(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** A copy of a per-slot series after checking its length and values (>= 0 unless {@code signed}). */
    static double[] series(double[] values, int slots, String field, boolean signed) {
        required(values, field);
        if (values.length != slots) {
            throw new IllegalArgumentException(field + " must have one value per slot (" + slots + "), had " + values.length);
        }
        for (int t = 0; t < values.length; t++) {
            if (!Double.isFinite(values[t]) || (!signed && values[t] < 0)) {
                throw new IllegalArgumentException(field + "[" + t + "] must be a finite number" + (signed ? "" : " >= 0")
                        + ", was " + values[t]);
            }
        }
        return values.clone();
    }
}
