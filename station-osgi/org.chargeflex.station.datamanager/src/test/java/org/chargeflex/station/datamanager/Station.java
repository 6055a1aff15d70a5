package org.chargeflex.station.datamanager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.datamanager.routing.DaemonThreads;

/** A data manager on a temporary directory with short intervals, as the tests use it. */
public final class Station implements AutoCloseable {
    public final Path channelsFile;
    public final Path historyDir;
    public final DriverRegistry drivers = new DriverRegistry();
    private final ScheduledThreadPoolExecutor scheduler;
    private Settings settings;
    private DataManager dm;

    public Station(Path dir, String channelsJson) {
        this.channelsFile = dir.resolve("channels.json");
        this.historyDir = dir.resolve("history");
        this.settings = new Settings(channelsFile, historyDir, 100, 20, 200, 20, 200);
        this.scheduler = new ScheduledThreadPoolExecutor(2, DaemonThreads.named("test-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        writeChannels(channelsJson);
    }

    public Station settings(Settings s) {
        this.settings = s;
        return this;
    }

    public Settings settings() {
        return settings;
    }

    public Station timing(long driverTimeoutMillis, long reconnectMinMillis, long reconnectMaxMillis) {
        return settings(new Settings(settings.channelsFile(), settings.historyDirectory(),
                settings.historyMaxRecords(), settings.channelsFilePollMillis(), driverTimeoutMillis,
                reconnectMinMillis, reconnectMaxMillis));
    }

    public Station start() {
        dm = new DataManager(settings, scheduler, Clock.systemUTC(), drivers);
        dm.start();
        return this;
    }

    /** Closes the data manager and starts a new one on the same files (a station restart). */
    public Station restart() {
        dm.close();
        return start();
    }

    public DataManager dm() {
        return dm;
    }

    public Channel channel(String label) {
        return dm.getChannel(label).orElseThrow(() -> new AssertionError("no channel " + label));
    }

    /** Replaces the channels file; the modification time moves on so that a change is always visible. */
    public void writeChannels(String json) {
        try {
            FileTime before = Files.exists(channelsFile) ? Files.getLastModifiedTime(channelsFile) : null;
            Files.createDirectories(channelsFile.getParent());
            Files.writeString(channelsFile, json, StandardCharsets.UTF_8);
            if (before != null) {
                Files.setLastModifiedTime(channelsFile, FileTime.fromMillis(before.toMillis() + 1000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (dm != null) {
            dm.close();
        }
        scheduler.shutdownNow();
    }
}
