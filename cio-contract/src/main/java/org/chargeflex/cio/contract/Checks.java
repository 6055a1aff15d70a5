package org.chargeflex.cio.contract;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks with messages that name the offending field. */
final class Checks {
    /** Identifiers: 1 to 64 characters of letters, digits, '.', '_', ':' and '-'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Checks() {
    }

    static String id(String value, String field) {
        Objects.requireNonNull(value, () -> field + " is required");
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 64 characters of letters, digits, '.', '_', ':'"
                    + " or '-', was '" + abbreviate(value) + "'");
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

    static Double optionalNonNegative(Double value, String field) {
        return value == null ? null : nonNegative(value, field);
    }

    static double positive(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    static Double optionalPositive(Double value, String field) {
        return value == null ? null : positive(value, field);
    }

    static void atMost(Double min, Double max, String minField, String maxField) {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(minField + " (" + min + ") must not exceed " + maxField + " (" + max + ")");
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
