package org.chargeflex.station.datamanager.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.datamanager.config.ChannelConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls a {@link DeviceHandler} makes on an open connection (read, write, startListening), each on the device
 * thread with the driver timeout, and the mapping of their outcome onto records and flags.
 */
final class DeviceCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceCalls.class);
    private static final long GRACE_MILLIS = 1000;
    private final DeviceHandler handler;

    DeviceCalls(DeviceHandler handler) {
        this.handler = handler;
    }

    Record read(ChannelImpl ch) {
        Session s = handler.awaitSession();
        if (s == null) {
            return Record.of(handler.stateFlag(), handler.now());
        }
        List<Record> records = await(readChannels(s, List.of(ch)), null, handler.timeout(), handler.name());
        return records == null ? Record.of(Flag.TIMEOUT, handler.now()) : records.get(0);
    }

    /** Reads a group of channels in one driver call; the future completes once the records are stored. */
    CompletableFuture<List<Record>> readChannels(Session s, List<ChannelImpl> group) {
        List<ChannelRecordContainer> containers = group.stream().map(s::readContainer).toList();
        return handler.worker().call(() -> {
            handler.ensureCurrent(s);
            containers.forEach(c -> c.setRecord(null));
            s.connection.read(containers);
            return containers.stream().map(ChannelRecordContainer::getRecord).toList();
        }, handler.timeout(), null, (records, error) -> readOutcome(s, group, records, error));
    }

    private List<Record> readOutcome(Session s, List<ChannelImpl> group, List<Record> records, Throwable error) {
        if (error != null) {
            Flag f = callFailed(s, group, error);
            long now = handler.now();
            return group.stream().map(ch -> Record.of(f, now)).toList();
        }
        List<Record> stored = new ArrayList<>(group.size());
        boolean current = handler.ifCurrent(s, () -> {
            for (int i = 0; i < group.size(); i++) {
                stored.add(group.get(i).acceptFromDriver(records.get(i)));
            }
        });
        if (!current) {
            Flag f = handler.stateFlag();
            long now = handler.now();
            return group.stream().map(ch -> Record.of(f, now)).toList();
        }
        handler.callSucceeded();
        return stored;
    }

    Flag write(ChannelImpl ch, Value driverValue) {
        Session s = handler.awaitSession();
        if (s == null) {
            return handler.stateFlag();
        }
        ChannelConfig c = ch.config();
        ChannelValueContainer container = new ChannelValueContainer(c.channelAddress(), c.parameters(), driverValue);
        CompletableFuture<Flag> outcome = handler.worker().call(() -> {
            handler.ensureCurrent(s);
            s.connection.write(List.of(container));
            return container.getFlag();
        }, handler.timeout(), null, (flag, error) -> {
            if (error != null) {
                return callFailed(s, List.of(), error);
            }
            handler.callSucceeded();
            return flag;
        });
        Flag flag = await(outcome, Flag.TIMEOUT, handler.timeout(), handler.name());
        return flag == null ? Flag.DRIVER_ERROR : flag;
    }

    void startListening(Session s) {
        List<ChannelImpl> listening = s.listeningChannels();
        if (listening.isEmpty()) {
            return;
        }
        List<ChannelRecordContainer> containers = listening.stream().map(s::listenContainer).toList();
        ListenerBridge bridge = new ListenerBridge(handler, s);
        handler.worker().call(() -> {
            handler.ensureCurrent(s);
            containers.forEach(c -> c.setRecord(null));
            s.connection.startListening(containers, bridge);
            return containers.stream().map(ChannelRecordContainer::getRecord).toList();
        }, handler.timeout(), null, (records, error) -> {
            if (error != null) {
                callFailed(s, listening, error);
            } else if (handler.ifCurrent(s, () -> {
                for (int i = 0; i < listening.size(); i++) {
                    if (records.get(i) != null) { // e.g. ACCESS_DENIED from a driver that cannot listen
                        listening.get(i).acceptFromDriver(records.get(i));
                    }
                }
            })) {
                handler.callSucceeded();
            }
            return null;
        });
    }

    /** Applies the driver error contract to a failed call; returns the flag that tells the caller what happened. */
    private Flag callFailed(Session s, List<ChannelImpl> flagOnTimeout, Throwable error) {
        Throwable cause = DeviceHandler.unwrap(error);
        if (cause instanceof StaleCallException || !handler.isCurrent(s)) {
            return handler.stateFlag();
        }
        if (cause instanceof TimeoutException) {
            flagOnTimeout.forEach(ch -> ch.flag(Flag.TIMEOUT));
            handler.callTimedOut(s);
            return Flag.TIMEOUT;
        }
        if (cause instanceof ConnectionException) {
            handler.sessionFailed(s, Flag.CONNECTION_EXCEPTION, cause);
            return Flag.CONNECTION_EXCEPTION;
        }
        handler.sessionFailed(s, Flag.DRIVER_THREW_UNKNOWN_EXCEPTION, cause);
        return Flag.DRIVER_THREW_UNKNOWN_EXCEPTION;
    }

    /** Waits for a call's outcome; it always comes within the timeout, the grace is only a safety net. */
    static <T> T await(CompletableFuture<T> future, T fallback, long timeoutMillis, String device) {
        try {
            return future.get(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Device {}: a call did not complete", device, e);
            return fallback;
        }
    }
}
