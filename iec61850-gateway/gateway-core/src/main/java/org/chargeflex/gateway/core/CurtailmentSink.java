package org.chargeflex.gateway.core;

/**
 * Applies curtailments. Calls may block (network); the gateway calls them from its dispatcher thread only, never
 * from a protocol callback, and retries a failed curtailment until it succeeds, the sink refuses it for good, or a
 * newer one replaces it.
 */
public interface CurtailmentSink {

    /**
     * Applies the limit: the CIO records it as the station's curtailment, re-plans every session under it (the
     * stations get new schedules) and, for an {@link Curtailment#emergency() emergency}, also writes it at once to the
     * station's grid limit channel.
     *
     * @throws SinkException if it could not be applied; {@link SinkException#retryable()} says whether trying again
     *                       may help (CIO unreachable) or not (the CIO refused the limit)
     */
    void apply(Curtailment curtailment, StationInfo station) throws SinkException;
}
