package org.chargeflex.station.api.driver;

import java.util.List;

/** Where a listening driver pushes records, and says that its connection broke. Thread-safe; never blocks long. */
public interface RecordsReceivedListener {

    /** New records arrived; each container holds its channel's new record. */
    void newRecords(List<ChannelRecordContainer> containers);

    /** The connection broke while listening: the data manager will close it and reconnect with back-off. */
    void connectionInterrupted(Connection connection, ConnectionException cause);
}
