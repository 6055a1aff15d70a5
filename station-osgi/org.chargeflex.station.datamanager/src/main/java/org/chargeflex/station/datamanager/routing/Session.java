package org.chargeflex.station.datamanager.routing;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.datamanager.config.ChannelConfig;

/**
 * One open connection of a device and the record containers of its channels. Containers live as long as the
 * connection, so a driver's cached handle survives between calls; reading and listening use separate containers so
 * a pushed record never meets a read in progress.
 */
final class Session {
    final Connection connection;
    private final Map<ChannelImpl, ChannelRecordContainer> readContainers = new LinkedHashMap<>();
    private final Map<ChannelImpl, ChannelRecordContainer> listenContainers = new LinkedHashMap<>();
    private final Map<ChannelRecordContainer, ChannelImpl> byListenContainer = new IdentityHashMap<>();

    Session(Connection connection, List<ChannelImpl> channels) {
        this.connection = connection;
        for (ChannelImpl ch : channels) {
            ChannelConfig c = ch.config();
            readContainers.put(ch, container(c));
            if (c.listening()) {
                ChannelRecordContainer lc = container(c);
                listenContainers.put(ch, lc);
                byListenContainer.put(lc, ch);
            }
        }
    }

    private static ChannelRecordContainer container(ChannelConfig c) {
        return new ChannelRecordContainer(c.channelAddress(), c.valueType(), c.parameters());
    }

    ChannelRecordContainer readContainer(ChannelImpl ch) {
        return readContainers.get(ch);
    }

    List<ChannelImpl> listeningChannels() {
        return List.copyOf(listenContainers.keySet());
    }

    ChannelRecordContainer listenContainer(ChannelImpl ch) {
        return listenContainers.get(ch);
    }

    /** The channel a container handed to {@code startListening} belongs to, or null. */
    ChannelImpl channelOfListenContainer(ChannelRecordContainer c) {
        return byListenContainer.get(c);
    }
}
