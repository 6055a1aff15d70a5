package org.chargeflex.station.datamanager.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a connected device: the channels with the same interval form a group read in one {@code read(List)} call
 * on a fixed-rate schedule. A tick is skipped while the group's previous read is still running (it will time out).
 */
final class Sampler {
    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);
    private final DeviceHandler handler;
    private final ScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

    Sampler(DeviceHandler handler, ScheduledExecutorService scheduler) {
        this.handler = handler;
        this.scheduler = scheduler;
    }

    synchronized void start(Session session, List<ChannelImpl> channels) {
        stop();
        Map<Long, List<ChannelImpl>> groups = new TreeMap<>();
        for (ChannelImpl ch : channels) {
            long interval = ch.config().samplingIntervalMillis();
            if (interval > 0) {
                groups.computeIfAbsent(interval, k -> new ArrayList<>()).add(ch);
            }
        }
        groups.forEach((interval, group) -> {
            AtomicBoolean inFlight = new AtomicBoolean();
            List<ChannelImpl> members = List.copyOf(group);
            ticks.add(scheduler.scheduleAtFixedRate(() -> tick(session, members, inFlight), 0, interval,
                    TimeUnit.MILLISECONDS));
        });
    }

    private void tick(Session session, List<ChannelImpl> group, AtomicBoolean inFlight) {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        try {
            handler.readChannels(session, group).whenComplete((r, e) -> inFlight.set(false));
        } catch (RuntimeException e) {
            // never let an exception cancel the fixed-rate schedule
            inFlight.set(false);
            LOG.error("Sampling of {} failed", group, e);
        }
    }

    synchronized void stop() {
        ticks.forEach(t -> t.cancel(false));
        ticks.clear();
    }
}
