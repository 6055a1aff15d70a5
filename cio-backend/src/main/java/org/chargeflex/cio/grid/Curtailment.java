package org.chargeflex.cio.grid;

import java.time.Instant;

/**
 * An active curtailment as the API shows it (the answer of PUT and the items of GET).
 *
 * @param limitW             the limit the DNO set, W
 * @param effectiveLimitW    what the planner applies now: min(registered maximum, max(limit, ongoing sessions x the
 *                           minimum session power)), W
 * @param replannedSessions  how many sessions the command that set it re-planned
 * @param emergencyDelivered whether every station write of that command was accepted (false if it made none)
 */
record Curtailment(CurtailmentScope scope, String target, double limitW, double effectiveLimitW, boolean emergency,
        String origin, String requestedBy, Instant appliedAt, int replannedSessions, boolean emergencyDelivered) {
}
