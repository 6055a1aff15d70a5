package org.chargeflex.station.datamanager.routing;

import java.util.List;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.chargeflex.station.api.Flag;

/** Where a listening driver pushes records of one session; pushes for an older session are ignored. */
final class ListenerBridge implements RecordsReceivedListener {
    private final DeviceHandler handler;
    private final Session session;

    ListenerBridge(DeviceHandler handler, Session session) {
        this.handler = handler;
        this.session = session;
    }

    @Override
    public void newRecords(List<ChannelRecordContainer> containers) {
        if (containers == null) {
            return;
        }
        handler.ifCurrent(session, () -> {
            for (ChannelRecordContainer c : containers) {
                ChannelImpl ch = session.channelOfListenContainer(c);
                if (ch != null) {
                    ch.acceptFromDriver(c.getRecord());
                }
            }
        });
    }

    @Override
    public void connectionInterrupted(Connection connection, ConnectionException cause) {
        // this bridge belongs to one session, whichever connection object the driver names
        handler.sessionFailed(session, Flag.CONNECTION_EXCEPTION, cause);
    }
}
