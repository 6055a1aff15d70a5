package org.chargeflex.cio.optimizer;

import java.time.Instant;
import java.util.List;

/**
 * A time series as steps: each point's value applies from its {@code from} until the next point's {@code from}; the
 * last point's value applies from then on. Before the first point the value is {@code before} (given by the caller:
 * 0 for a forecast, the first price for a price curve). Points are sorted by {@code from}, strictly increasing.
 */
public record StepSeries(List<Point> points) {
    /** No points. */
    public static final StepSeries EMPTY = new StepSeries(List.of());

    /** One step: {@code value} from {@code from} on. */
    public record Point(Instant from, double value) {
    }

    public StepSeries {
        points = List.copyOf(points);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The value before the first point if it is the first point's value (a price curve), else {@code fallback}. */
    public double first(double fallback) {
        return points.isEmpty() ? fallback : points.get(0).value();
    }

    /** The time-weighted average over [a, b) ({@code b > a}). */
    public double average(Instant a, Instant b, double before) {
        double seconds = b.getEpochSecond() - a.getEpochSecond();
        if (seconds <= 0) {
            return valueAt(a, before);
        }
        double sum = 0;
        Instant from = a;
        double value = valueAt(a, before);
        for (Point p : points) {
            if (p.from().isAfter(a) && p.from().isBefore(b)) {
                sum += value * (p.from().getEpochSecond() - from.getEpochSecond());
                from = p.from();
                value = p.value();
            }
        }
        sum += value * (b.getEpochSecond() - from.getEpochSecond());
        return sum / seconds;
    }

    /** The highest value over [a, b). */
    public double max(Instant a, Instant b, double before) {
        double max = valueAt(a, before);
        for (Point p : points) {
            if (p.from().isAfter(a) && p.from().isBefore(b)) {
                max = Math.max(max, p.value());
            }
        }
        return max;
    }

    /** The value at {@code t}. */
    public double valueAt(Instant t, double before) {
        double value = before;
        for (Point p : points) {
            if (p.from().isAfter(t)) {
                break;
            }
            value = p.value();
        }
        return value;
    }
}
