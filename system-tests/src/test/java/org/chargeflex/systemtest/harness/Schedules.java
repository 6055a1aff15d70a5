package org.chargeflex.systemtest.harness;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Schedule bodies for stand-ins, in amperes per phase turned into watts at the contract's nominal 230 V. */
public final class Schedules {
    public static final double VOLTS = 230.0;

    private Schedules() {
    }

    /** One step of a schedule: from {@code offsetSeconds} on, at most {@code amps} per phase. */
    public record Step(long offsetSeconds, double amps) {
    }

    public static double watts(double amps, int phases) {
        return amps * phases * VOLTS;
    }

    /** The forwarding answer (a schedule without ids), see docs/forwarding-contract.md. */
    public static String proposal(Instant start, List<Step> steps, Instant validUntil, int phases) {
        return "{\"startTime\":\"" + start + "\",\"periods\":" + periods(steps, phases) + ",\"validUntil\":\""
                + validUntil + "\"}";
    }

    /** A full {@code ChargingSchedule} as the CIO sends it to a station. */
    public static String schedule(String scheduleId, String sessionId, Instant start, List<Step> steps,
            Instant validUntil, int pollIntervalSeconds, int phases) {
        return "{\"scheduleId\":\"" + scheduleId + "\",\"sessionId\":\"" + sessionId + "\",\"startTime\":\"" + start
                + "\",\"periods\":" + periods(steps, phases) + ",\"validUntil\":\"" + validUntil
                + "\",\"pollIntervalSeconds\":" + pollIntervalSeconds + "}";
    }

    static String periods(List<Step> steps, int phases) {
        return steps.stream().map(s -> "{\"offsetSeconds\":" + s.offsetSeconds() + ",\"maxPowerW\":"
                + watts(s.amps(), phases) + "}").collect(Collectors.joining(",", "[", "]"));
    }
}
