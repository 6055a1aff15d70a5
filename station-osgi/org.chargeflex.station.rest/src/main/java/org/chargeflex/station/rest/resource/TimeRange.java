package org.chargeflex.station.rest.resource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The {@code from}/{@code until} of a history query, in epoch milliseconds. Each bound is epoch milliseconds or an
 * ISO-8601 instant ({@code 2026-11-25T10:00:00Z}, or with an offset such as {@code +01:00}). Without {@code until} it
 * is now; without {@code from} it is an hour before {@code until}.
 */
record TimeRange(long from, long until) {
    static final long DEFAULT_SPAN_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final Pattern MILLIS = Pattern.compile("-?\\d{1,19}");

    /**
     * @throws IllegalArgumentException with a readable reason when a bound does not parse or from is after until
     */
    static TimeRange parse(String from, String until, long nowMillis) {
        long u = isBlank(until) ? nowMillis : parseBound("until", until);
        long f;
        if (isBlank(from)) {
            f = u < Long.MIN_VALUE + DEFAULT_SPAN_MILLIS ? Long.MIN_VALUE : u - DEFAULT_SPAN_MILLIS;
        } else {
            f = parseBound("from", from);
        }
        if (f > u) {
            throw new IllegalArgumentException("from (" + f + ") is after until (" + u + ")");
        }
        return new TimeRange(f, u);
    }

    private static long parseBound(String name, String text) {
        String t = text.trim();
        if (MILLIS.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + text + "' is outside the range of epoch millis");
            }
        }
        try {
            return parseInstant(t).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " '" + text
                    + "' is neither epoch milliseconds nor an ISO-8601 instant like 2026-11-25T10:00:00Z");
        }
    }

    private static Instant parseInstant(String t) {
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            return OffsetDateTime.parse(t).toInstant();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
