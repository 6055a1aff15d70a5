package org.chargeflex.gateway.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The latest values of a station: its outlets plus the CIO's planned power. Station-level values (IEC 61850 MMXU,
 * MMTR, DESE) are aggregated from the outlets here, so both protocol servers serve the same numbers.
 *
 * @param outlets        in registry order, one per {@link StationInfo#outlets()}
 * @param plannedPowerW  the CIO's planned power for the station (sum of schedule peaks), W
 * @param online         whether the last poll reached the station's data
 */
public record StationSnapshot(StationInfo info, List<OutletSnapshot> outlets, Reading plannedPowerW, boolean online) {
    public StationSnapshot {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(plannedPowerW, "plannedPowerW");
        outlets = List.copyOf(outlets);
        if (outlets.size() != info.outlets().size()) {
            throw new IllegalArgumentException("station " + info.id() + ": " + outlets.size() + " outlet snapshots for "
                    + info.outlets().size() + " outlets");
        }
    }

    /** A station that has not been read yet: every value invalid. */
    public static StationSnapshot empty(StationInfo info) {
        return new StationSnapshot(info, info.outlets().stream().map(OutletSnapshot::empty).toList(), Reading.MISSING,
                false);
    }

    public String id() {
        return info.id();
    }

    /** Total active power, W (sum of the outlets). */
    public Reading totalPowerW() {
        return sum(o -> o.get(Measurand.POWER_W));
    }

    /** Active power of a phase, W (sum of the outlets). */
    public Reading phasePowerW(int phase) {
        return sum(o -> o.get(Measurand.power(phase)));
    }

    /** Current of a phase, A (sum of the outlets). */
    public Reading phaseCurrentA(int phase) {
        return sum(o -> o.get(Measurand.current(phase)));
    }

    /** Voltage of a phase, V (mean of the outlets' valid readings). */
    public Reading phaseVoltageV(int phase) {
        return mean(outlets.stream().map(o -> o.get(Measurand.voltage(phase))).toList());
    }

    /** Mean of the phase voltages, V (IEC 61850 DESE.ChaV). */
    public Reading chargingVoltageV() {
        return mean(List.of(phaseVoltageV(1), phaseVoltageV(2), phaseVoltageV(3)));
    }

    /** Current of the most loaded phase, A (IEC 61850 DESE.ChaA). */
    public Reading chargingCurrentA() {
        List<Reading> phases = List.of(phaseCurrentA(1), phaseCurrentA(2), phaseCurrentA(3));
        return phases.stream().filter(r -> r.quality() != Quality.INVALID)
                .max(Comparator.comparingDouble(Reading::value)).orElse(Reading.MISSING);
    }

    /** Energy register total, Wh (sum of the outlets). */
    public Reading energyWh() {
        return sum(o -> o.get(Measurand.ENERGY_WH));
    }

    /** The same values marked old (the source could not be read). */
    public StationSnapshot aged() {
        return new StationSnapshot(info, outlets.stream().map(OutletSnapshot::aged).toList(), plannedPowerW.aged(),
                false);
    }

    private Reading sum(Function<OutletSnapshot, Reading> f) {
        if (outlets.isEmpty()) {
            return Reading.MISSING;
        }
        double sum = 0;
        Quality q = Quality.GOOD;
        Instant t = Instant.EPOCH;
        for (OutletSnapshot o : outlets) {
            Reading r = f.apply(o);
            if (r.quality() == Quality.INVALID) {
                return Reading.MISSING;
            }
            sum += r.value();
            q = q.worst(r.quality());
            t = r.time().isAfter(t) ? r.time() : t;
        }
        return new Reading(sum, q, t);
    }

    private static Reading mean(List<Reading> readings) {
        List<Reading> valid = readings.stream().filter(r -> r.quality() != Quality.INVALID).toList();
        if (valid.isEmpty()) {
            return Reading.MISSING;
        }
        double sum = 0;
        Quality q = Quality.GOOD;
        Instant t = Instant.EPOCH;
        for (Reading r : valid) {
            sum += r.value();
            q = q.worst(r.quality());
            t = r.time().isAfter(t) ? r.time() : t;
        }
        return new Reading(sum / valid.size(), q, t);
    }
}
