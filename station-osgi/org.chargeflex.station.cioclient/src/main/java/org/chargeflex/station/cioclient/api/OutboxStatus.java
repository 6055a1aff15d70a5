package org.chargeflex.station.cioclient.api;

/**
 * The state of the durable outbox.
 *
 * @param pending            items written but not yet confirmed by the CIO
 * @param lastSequenceNumber the highest sequence number given out so far (-1: none yet)
 * @param deliveredSequence  every item up to this sequence number is confirmed by the CIO (-1: none yet)
 * @param droppedSamples     intermediate meter samples dropped because the outbox was full (since the bundle started)
 * @param rejectedItems      items the CIO refused as invalid (400/422), set aside in the rejected file
 * @param lastError          the last delivery failure, or "" after a successful delivery
 */
public record OutboxStatus(long pending, long lastSequenceNumber, long deliveredSequence, long droppedSamples,
        long rejectedItems, String lastError) {
}
