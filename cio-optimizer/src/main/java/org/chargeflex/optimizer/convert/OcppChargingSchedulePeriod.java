package org.chargeflex.optimizer.convert;

/**
 * OCPP 1.6 / 2.0.1 ChargingSchedulePeriod.
 *
 * @param startPeriod  seconds from the schedule's start
 * @param limit        the limit in the schedule's unit (W or A per phase), one decimal
 * @param numberPhases phases the limit applies to
 */
public record OcppChargingSchedulePeriod(int startPeriod, double limit, Integer numberPhases) {
}
