package org.chargeflex.gateway.core;

/**
 * Applies and lifts curtailments. Calls may block (network); the gateway calls them from its dispatcher thread only,
 * never from a protocol callback, and retries a failed command until it succeeds, the sink refuses it for good
 * (then the gateway serves the last limit the sink accepted again), or a newer command for the target replaces it.
 */
public interface CurtailmentSink {

    /**
     * Applies the limit: the CIO records it as the target's curtailment, re-plans every session under it (the
     * stations get new schedules) and, for an {@link Curtailment#emergency() emergency}, also writes it at once to the
     * stations' grid limit channel.
     *
     * @throws SinkException if it could not be applied; {@link SinkException#retryable()} says whether trying again
     *                       may help (CIO unreachable) or not (the CIO refused the limit)
     */
    void apply(Curtailment curtailment) throws SinkException;

    /**
     * Lifts the target's curtailment (the CIO re-plans under the registered maximum). Lifting a target without a
     * curtailment succeeds.
     *
     * @throws SinkException as for {@link #apply}
     */
    void lift(CurtailmentTarget target, String origin) throws SinkException;
}
