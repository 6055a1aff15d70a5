package org.chargeflex.station.cioclient.api;

import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;

/**
 * The station's client to the CIO backend, registered as an OSGi service once configured (station id, secret, base
 * URL). Thread-safe.
 *
 * <h2>Error contract</h2>
 * <ul>
 * <li>Schedule calls throw {@link CioException} with a {@link CioException.Kind}: {@code UNREACHABLE} (network,
 * timeout, 5xx, 429 — worth retrying), {@code REFUSED} (a 4xx such as a bad credential or an unknown session) or
 * {@code MALFORMED} (an answer that breaks the contract, e.g. a schedule whose periods do not start at 0). Transient
 * failures are retried inside a call with exponential back-off and jitter up to the configured number of attempts.</li>
 * <li>Enqueue calls never throw for network problems: the item is appended to the durable outbox (written and
 * flushed to disk) before anything is sent, and delivered in order by a background thread. They throw
 * {@link java.io.UncheckedIOException} only when the outbox cannot be written at all (disk full, read-only).</li>
 * </ul>
 */
public interface CioClient {

    /** The station id this client authenticates as (the CIO's station id). */
    String stationId();

    /**
     * Asks the CIO for a schedule ({@code POST /api/v1/stations/{id}/charging-requests}). Repeating the request with
     * the same session id re-plans that session.
     *
     * @throws CioException when no valid schedule could be obtained
     */
    ScheduleResponse requestSchedule(ChargingRequest request) throws CioException;

    /**
     * Polls the current schedule of a session ({@code GET .../sessions/{sessionId}/schedule}) with
     * {@code If-None-Match: etag}; empty when the CIO answered 304 (unchanged).
     *
     * @param etag the ETag of the schedule in force, or null to fetch unconditionally
     * @throws CioException when the poll failed
     */
    Optional<ScheduleResponse> pollSchedule(String sessionId, String etag) throws CioException;

    /**
     * Appends a meter value to the durable outbox and returns its sequence number, or -1 when the outbox was full and
     * an intermediate sample was dropped (counted in {@link OutboxStatus#droppedSamples()}).
     */
    long enqueueMeterValue(MeterReading reading);

    /** Appends a session START or STOP record to the durable outbox (never dropped) and returns its sequence number. */
    long enqueueSessionRecord(SessionEvent event);

    /** The outbox counters (pending items, drops, delivered sequence number, last delivery error). */
    OutboxStatus outboxStatus();
}
