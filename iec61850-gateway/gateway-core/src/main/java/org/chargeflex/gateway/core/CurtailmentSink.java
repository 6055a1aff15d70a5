package org.chargeflex.gateway.core;

import java.util.Map;

/**
 * Applies curtailments. Calls may block (network); the gateway calls them from its dispatcher thread only, never
 * from a protocol callback, and retries a failed curtailment until it succeeds or a newer one replaces it.
 */
public interface CurtailmentSink {

    /**
     * Applies the limit through the CIO: the optimiser's grid-limit input, so the CIO re-plans under it and sends
     * the stations new schedules.
     *
     * @return false if the CIO has no input for this station's limit; the gateway then applies it directly at the
     *         station ({@link #applyEmergency})
     */
    boolean applyPlanned(Curtailment curtailment, StationInfo station) throws SinkException;

    /**
     * Applies the limit directly at the station (emergency): per-outlet current limits, bypassing the optimiser.
     *
     * @param outletCurrentA the current limit per outlet id, A (0 = no charging)
     */
    void applyEmergency(Curtailment curtailment, StationInfo station, Map<String, Double> outletCurrentA)
            throws SinkException;
}
