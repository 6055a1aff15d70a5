package org.chargeflex.station.charging.session;

import java.time.Duration;
import java.time.Instant;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the current limit (and the contactor, where wired) through the M3B driver's channels: when the wanted value
 * changes, and again when the channel's read-back disagrees (e.g. the board went safe and advertises nothing, or it
 * advertises more than wanted). Failed writes are retried at most once per second; the limit is always written
 * before the contactor is closed.
 *
 * <p>A lower limit is written at once; a higher one only when it is at least {@link #RAISE_STEP_A} above the applied
 * one. The wanted current follows the measured voltage ({@code I = P / (phases x U)}), so without this dead band a
 * voltage wobbling around a rounding edge would rewrite the board every tick (e.g. 16.0, 15.9, 16.0 A); with it the
 * outlet settles on the lower value, never above what is wanted.
 */
final class OutputWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration RECHECK = Duration.ofSeconds(2);
    /** The smallest raise of a non-zero limit that is written, A. */
    static final double RAISE_STEP_A = 0.5;

    private final OutletSettings settings;
    private final ChannelIo io;
    private double appliedLimit = Double.NaN;
    private Instant limitAttempt = Instant.MIN;
    private Flag lastLimitFlag = Flag.VALID;
    private Boolean appliedContactor;
    private Instant contactorAttempt = Instant.MIN;

    OutputWriter(OutletSettings settings, ChannelIo io) {
        this.settings = settings;
        this.io = io;
    }

    /** Writes the limit if needed; true when the wanted limit is in force (as far as the driver said). */
    boolean limit(double requestedA, Instant now) {
        double wantedA = withinDeadBand(requestedA) ? appliedLimit : requestedA;
        boolean differs = Double.isNaN(appliedLimit) || appliedLimit != wantedA;
        boolean readbackOff = !differs && now.isAfter(limitAttempt.plus(RECHECK)) && io.number(
                settings.currentLimitLabel()).map(rb -> rb > wantedA + 0.05 || (wantedA > 0 && rb < wantedA - 1.0)
                        || (wantedA == 0 && rb > 0)).orElse(false);
        if (!differs && !readbackOff) {
            return true;
        }
        if (now.isBefore(limitAttempt.plus(RETRY)) && lastLimitFlag != Flag.VALID) {
            return false;
        }
        limitAttempt = now;
        Flag f = io.write(settings.currentLimitLabel(), Value.of(wantedA));
        if (f == Flag.VALID) {
            if (differs) {
                LOG.info("Outlet {}: current limit {} A applied", settings.outletId(), wantedA);
            }
            appliedLimit = wantedA;
        } else if (f != lastLimitFlag) {
            LOG.warn("Outlet {}: writing the current limit {} A to '{}' failed: {}", settings.outletId(), wantedA,
                    settings.currentLimitLabel(), f);
        }
        lastLimitFlag = f;
        return f == Flag.VALID;
    }

    /** Whether {@code requestedA} is a small raise over a non-zero applied limit that the applied one stands for. */
    private boolean withinDeadBand(double requestedA) {
        return appliedLimit > 0 && requestedA > appliedLimit && requestedA - appliedLimit < RAISE_STEP_A;
    }

    void contactor(boolean wanted, Instant now) {
        String label = settings.contactorLabel();
        if (label == null) {
            return;
        }
        boolean readbackOff = io.value(label).map(v -> v.asBoolean() != wanted).orElse(false);
        if (appliedContactor != null && appliedContactor == wanted && !readbackOff) {
            return;
        }
        if (now.isBefore(contactorAttempt.plus(RETRY))) {
            return;
        }
        contactorAttempt = now;
        Flag f = io.write(label, Value.of(wanted));
        if (f == Flag.VALID) {
            appliedContactor = wanted;
        } else {
            LOG.debug("Outlet {}: contactor {} refused: {}", settings.outletId(), wanted ? "close" : "open", f);
        }
    }

    /** The limit last accepted by the driver, NaN before the first. */
    double appliedLimit() {
        return appliedLimit;
    }
}
