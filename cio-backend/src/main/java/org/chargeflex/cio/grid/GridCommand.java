package org.chargeflex.cio.grid;

import java.time.Instant;

/**
 * One entry of the command log (table {@code grid_commands}).
 *
 * @param action             CURTAIL (PUT) or LIFT (DELETE)
 * @param limitW             the requested limit, or {@code null} (lift, or none given)
 * @param outcome            APPLIED, LIFTED, REFUSED (400) or NOT_FOUND (404)
 * @param detail             why it was refused, or {@code null}
 * @param effectiveLimitW    the effective limit right after an applied command, else {@code null}
 * @param replannedSessions  sessions re-planned by an applied or lifted command, else {@code null}
 * @param emergencyDelivered whether every station write of the command was accepted; {@code null} if it made none
 */
record GridCommand(long id, Instant at, Action action, CurtailmentScope scope, String target, Double limitW,
        boolean emergency, String origin, String requestedBy, Outcome outcome, String detail, Double effectiveLimitW,
        Integer replannedSessions, Boolean emergencyDelivered) {

    enum Action {
        CURTAIL, LIFT
    }

    enum Outcome {
        APPLIED, LIFTED, REFUSED, NOT_FOUND
    }
}
