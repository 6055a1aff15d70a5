package org.chargeflex.m3b.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.datamanager.DataManager;
import org.chargeflex.station.datamanager.DriverRegistry;
import org.chargeflex.station.datamanager.Settings;
import org.chargeflex.station.datamanager.routing.DaemonThreads;
import org.chargeflex.station.driver.m3b.M3bDriver;

/**
 * The station's data manager as plain Java (no OSGi) with the M3B driver registered, reading a channels.json written
 * into a temporary directory; reconnects after 100..500 ms so that recoveries show quickly.
 */
final class M3bStation implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;
    private final DataManager dm;

    private M3bStation(Path dir, String channelsJson) {
        Path channelsFile = dir.resolve("conf/channels.json");
        try {
            Files.createDirectories(channelsFile.getParent());
            Files.writeString(channelsFile, channelsJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings settings = new Settings(channelsFile, dir.resolve("data/history"), 1000, 0, 3000, 100, 500);
        scheduler = new ScheduledThreadPoolExecutor(2, DaemonThreads.named("itest-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        DriverRegistry drivers = new DriverRegistry();
        drivers.add(new M3bDriver());
        dm = new DataManager(settings, scheduler, Clock.systemUTC(), drivers);
        dm.start();
    }

    static M3bStation start(Path dir, String channelsJson) {
        return new M3bStation(dir, channelsJson);
    }

    DataManager dm() {
        return dm;
    }

    Channel channel(String label) {
        return dm.getChannel(label).orElseThrow(() -> new AssertionError("no channel " + label));
    }

    Record latest(String label) {
        return channel(label).getLatestRecord();
    }

    boolean latestIs(String label, Flag flag) {
        return latest(label).getFlag() == flag;
    }

    /** A fresh read through the driver; null unless VALID. */
    Value read(String label) {
        Record r = channel(label).read();
        return r.isValid() ? r.getValue() : null;
    }

    Flag write(String label, Value v) {
        return channel(label).write(v);
    }

    RecordLog listen(String label) {
        RecordLog log = new RecordLog();
        channel(label).addListener(log);
        return log;
    }

    @Override
    public void close() {
        dm.close();
        scheduler.shutdownNow();
    }
}
