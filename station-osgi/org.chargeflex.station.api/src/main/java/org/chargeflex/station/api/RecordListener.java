package org.chargeflex.station.api;

/**
 * Receives every new record of a channel it was added to, sampled or pushed by a listening driver. Called on a data
 * manager thread: return quickly and never block; an exception thrown here is logged and does not stop delivery.
 */
@FunctionalInterface
public interface RecordListener {
    void newRecord(String channelLabel, Record record);
}
