package org.chargeflex.optimizer.convert;

/**
 * ISO 15118-2 RelativeTimeIntervalType.
 *
 * @param start    seconds from the schedule's start
 * @param duration seconds (given on the last entry only, as in the standard), or {@code null}
 */
public record RelativeTimeInterval(long start, Long duration) {
}
