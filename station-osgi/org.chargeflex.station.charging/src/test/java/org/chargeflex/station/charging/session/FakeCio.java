package org.chargeflex.station.charging.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.station.cioclient.api.CioClient;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.MeterReading;
import org.chargeflex.station.cioclient.api.OutboxStatus;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.chargeflex.station.cioclient.api.SessionEvent;

/** An in-memory CIO client: scripted answers, recorded requests and queued items. */
final class FakeCio implements CioClient {
    /** What the next calls answer: a ScheduleResponse, a CioException, or null (a poll: 304). */
    volatile Object requestAnswer;
    volatile Object pollAnswer;
    final List<ChargingRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> polledEtags = new CopyOnWriteArrayList<>();
    final List<MeterReading> meterValues = new CopyOnWriteArrayList<>();
    final List<SessionEvent> sessionEvents = new CopyOnWriteArrayList<>();
    private long seq = -1;
    volatile long delivered = -1;

    @Override
    public String stationId() {
        return "ST-1";
    }

    @Override
    public ScheduleResponse requestSchedule(ChargingRequest request) throws CioException {
        requests.add(request);
        return answer(requestAnswer);
    }

    @Override
    public Optional<ScheduleResponse> pollSchedule(String sessionId, String etag) throws CioException {
        polledEtags.add(String.valueOf(etag));
        return Optional.ofNullable(answer(pollAnswer));
    }

    private static ScheduleResponse answer(Object a) throws CioException {
        if (a instanceof CioException e) {
            throw e;
        }
        return (ScheduleResponse) a;
    }

    @Override
    public synchronized long enqueueMeterValue(MeterReading reading) {
        meterValues.add(reading);
        return ++seq;
    }

    @Override
    public synchronized long enqueueSessionRecord(SessionEvent event) {
        event.toRecord("ST-1", seq + 1); // the contract's checks
        sessionEvents.add(event);
        return ++seq;
    }

    synchronized void deliverAll() {
        delivered = seq;
    }

    @Override
    public synchronized OutboxStatus outboxStatus() {
        return new OutboxStatus(seq - delivered, seq, delivered, 0, 0, "");
    }
}
