package org.chargeflex.bench.m3b;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Stream;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.datamanager.DataManager;
import org.chargeflex.station.datamanager.DriverRegistry;
import org.chargeflex.station.datamanager.Settings;
import org.chargeflex.station.datamanager.routing.DaemonThreads;
import org.chargeflex.station.driver.m3b.M3bDriver;

/**
 * The station's data manager as plain Java with the M3B driver, on a channels.json in a temporary directory: channel
 * {@code outlet1/current_limit} (writable) and {@code outlet1/energy} (listening) of one board.
 */
final class BenchStation implements AutoCloseable {
    private final Path dir;
    private final ScheduledThreadPoolExecutor scheduler;
    private final DataManager dm;

    BenchStation(String deviceAddress, String deviceSettingsJson, int historyMaxRecords) throws IOException {
        dir = Files.createTempDirectory("m3b-bench");
        Path channels = dir.resolve("channels.json");
        Files.writeString(channels, """
                {"drivers":[{"id":"m3b","devices":[{"id":"board1","deviceAddress":"%s","settings":%s,"channels":[
                  {"label":"outlet1/current_limit","channelAddress":"current_limit","valueType":"DOUBLE",
                   "unit":"A","parameters":{"outlet":"1"},"writable":true},
                  {"label":"outlet1/energy","channelAddress":"energy","valueType":"LONG","unit":"Wh",
                   "parameters":{"outlet":"1"},"listening":true},
                  {"label":"board1/dropped_events","channelAddress":"dropped_events","valueType":"LONG"},
                  {"label":"board1/crc_errors","channelAddress":"crc_errors","valueType":"LONG"}]}]}]}
                """.formatted(deviceAddress, deviceSettingsJson));
        Settings settings = new Settings(channels, dir.resolve("history"), historyMaxRecords, 0, 5000, 200, 2000);
        scheduler = new ScheduledThreadPoolExecutor(2, DaemonThreads.named("bench-dm"));
        DriverRegistry drivers = new DriverRegistry();
        drivers.add(new M3bDriver());
        dm = new DataManager(settings, scheduler, Clock.systemUTC(), drivers);
        dm.start();
    }

    Channel channel(String label) {
        return dm.getChannel(label).orElseThrow(() -> new IllegalStateException("no channel " + label));
    }

    @Override
    public void close() throws IOException {
        dm.close();
        scheduler.shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
