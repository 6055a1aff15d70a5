package org.chargeflex.station.charging.session;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.station.cioclient.api.CioClient;
import org.chargeflex.station.cioclient.api.MeterReading;
import org.chargeflex.station.cioclient.api.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a session's START and STOP records and its meter values into the CIO client's durable outbox: a boundary
 * sample at the start and at the end (never dropped) and intermediate samples every meter interval.
 */
final class SessionReporter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionReporter.class);
    private final OutletSettings settings;
    private final ChannelIo io;
    private final CioClient cio;
    private long meterValues;
    private long lastStopSeq = -1;

    SessionReporter(OutletSettings settings, ChannelIo io, CioClient cio) {
        this.settings = settings;
        this.io = io;
        this.cio = cio;
    }

    Optional<Double> energy() {
        return io.number(settings.energyLabel()).filter(e -> e >= 0);
    }

    void started(OpenSession s, Instant now) {
        enqueue(new SessionEvent(SessionRecord.Kind.START, s.sessionId, settings.outletId(), s.user, s.startTime,
                s.startEnergyWh, null, null));
        meter(s, now, true);
        s.nextMeter = now.plus(settings.meterInterval());
    }

    void sample(OpenSession s, Instant now) {
        if (s.nextMeter != null && now.isBefore(s.nextMeter)) {
            return;
        }
        meter(s, now, false);
        s.nextMeter = now.plus(settings.meterInterval());
    }

    void stopped(OpenSession s, Instant now) {
        meter(s, now, true);
        double stopEnergy = Math.max(s.startEnergyWh, energy().orElse(s.startEnergyWh));
        Instant stop = now.isBefore(s.startTime) ? s.startTime : now;
        long seq = enqueue(new SessionEvent(SessionRecord.Kind.STOP, s.sessionId, settings.outletId(), s.user,
                s.startTime, s.startEnergyWh, stop, stopEnergy));
        if (seq >= 0) {
            lastStopSeq = seq;
        }
    }

    private long enqueue(SessionEvent e) {
        try {
            long seq = cio.enqueueSessionRecord(e);
            LOG.info("Outlet {}: session {} {} queued for the CIO (sequence number {})", settings.outletId(),
                    e.sessionId(), e.kind(), seq);
            return seq;
        } catch (UncheckedIOException | IllegalArgumentException ex) {
            LOG.error("Outlet {}: the session {} {} record could not be queued", settings.outletId(), e.sessionId(),
                    e.kind(), ex);
            return -1;
        }
    }

    private void meter(OpenSession s, Instant now, boolean boundary) {
        Optional<Double> energy = energy();
        if (energy.isEmpty()) {
            LOG.debug("Outlet {}: no valid energy reading, meter value skipped", settings.outletId());
            return;
        }
        double power = io.number(settings.powerLabel()).map(p -> Math.max(0, p)).orElse(0.0);
        List<Double> currents = new ArrayList<>();
        for (String label : settings.currentLabels()) {
            io.number(label).ifPresent(c -> currents.add(Math.max(0, c)));
        }
        try {
            if (cio.enqueueMeterValue(new MeterReading(now, settings.outletId(), s.sessionId, energy.get(), power,
                    currents.isEmpty() || currents.size() > 3 ? null : currents, boundary)) >= 0) {
                meterValues++;
            }
        } catch (UncheckedIOException | IllegalArgumentException ex) {
            LOG.error("Outlet {}: a meter value could not be queued", settings.outletId(), ex);
        }
    }

    long meterValuesQueued() {
        return meterValues;
    }

    long lastStopSeq() {
        return lastStopSeq;
    }
}
