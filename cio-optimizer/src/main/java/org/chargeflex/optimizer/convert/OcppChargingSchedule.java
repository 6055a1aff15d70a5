package org.chargeflex.optimizer.convert;

import java.time.Instant;
import java.util.List;

/**
 * OCPP ChargingSchedule (the fields shared by 1.6 and 2.0.1).
 *
 * @param duration               seconds the schedule lasts
 * @param startSchedule          when it starts
 * @param chargingRateUnit       "W" or "A"
 * @param chargingSchedulePeriod the periods, first at startPeriod 0
 * @param minChargingRate        the EV's minimum in the same unit, or {@code null}
 */
public record OcppChargingSchedule(int duration, Instant startSchedule, String chargingRateUnit,
        List<OcppChargingSchedulePeriod> chargingSchedulePeriod, Double minChargingRate) {

    public OcppChargingSchedule {
        chargingSchedulePeriod = List.copyOf(chargingSchedulePeriod);
    }
}
