package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.datamanager.ChannelsJson.channel;
import static org.chargeflex.station.datamanager.ChannelsJson.device;
import static org.chargeflex.station.datamanager.ChannelsJson.deviceAt;
import static org.chargeflex.station.datamanager.ChannelsJson.driver;
import static org.chargeflex.station.datamanager.ChannelsJson.root;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver error contract: refused connects, broken links, slow and buggy drivers, drivers coming and going. */
class DriverFailureTest {
    private static final String SAMPLED = channel("p", "p", "LONG", "\"samplingIntervalMillis\": 20, \"writable\": true");
    @TempDir
    Path dir;
    private Station station;
    private final RecordingDriver fake = new RecordingDriver("fake");

    @AfterEach
    void close() {
        if (station != null) {
            station.close();
        }
    }

    private Channel startWith(String channelJson) {
        fake.set("p", Value.of(1L));
        station = new Station(dir, root(driver("fake", device("dev", channelJson))));
        station.drivers.add(fake);
        station.start();
        return station.channel("p");
    }

    private static void awaitValid(Channel c) {
        Await.until(c.getLabel() + " valid", () -> c.getLatestRecord().isValid());
    }

    @Test
    void refusedConnectsAreRetriedWithGrowingDelaysUntilTheDeviceAnswers() {
        fake.setRefuseConnect(true);
        fake.set("p", Value.of(1L));
        station = new Station(dir, root(driver("fake", device("dev", SAMPLED)))).timing(200, 100, 5000);
        station.drivers.add(fake);
        station.start();
        Channel p = station.channel("p");
        RecordLog log = new RecordLog();
        p.addListener(log);

        Await.until("4 connect attempts", () -> fake.connectCount() >= 4);
        List<Long> at = fake.connectNanos();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            gaps.add((at.get(i) - at.get(i - 1)) / 1_000_000);
        }
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(100);
        assertThat(gaps.get(1)).isGreaterThan(gaps.get(0));
        assertThat(gaps.get(2)).isGreaterThan(gaps.get(1));
        Await.until("flags delivered", () -> log.count(Flag.WAITING_FOR_CONNECTION_RETRY) >= 2);
        assertThat(log.flags()).containsSubsequence(Flag.CONNECTION_EXCEPTION, Flag.WAITING_FOR_CONNECTION_RETRY,
                Flag.CONNECTION_EXCEPTION, Flag.WAITING_FOR_CONNECTION_RETRY);
        assertThat(p.read().getFlag()).isEqualTo(Flag.WAITING_FOR_CONNECTION_RETRY);
        assertThat(p.write(Value.of(3L))).isEqualTo(Flag.WAITING_FOR_CONNECTION_RETRY);

        fake.setRefuseConnect(false);
        awaitValid(p);
    }

    @Test
    void aBrokenConnectionIsFlaggedClosedAndReopened() {
        Channel p = startWith(SAMPLED);
        RecordLog log = new RecordLog();
        p.addListener(log);
        awaitValid(p);

        fake.setBreakConnection(true);
        Await.until("connection flags", () -> log.countAfter(Flag.CONNECTION_EXCEPTION,
                Flag.WAITING_FOR_CONNECTION_RETRY) > 0);
        // the handler closes the broken connection after it has flagged the channels, outside its lock
        Await.until("the broken connection closed", () -> fake.closeCount() > 0);
        fake.setBreakConnection(false);

        Await.until("valid again", () -> log.countAfter(Flag.WAITING_FOR_CONNECTION_RETRY, Flag.VALID) > 0);
        assertThat(fake.connectCount()).isGreaterThanOrEqualTo(2);
        assertThat(p.write(Value.of(9L))).isEqualTo(Flag.VALID);
        assertThat(fake.get("p")).isEqualTo(Value.of(9L));
    }

    @Test
    void aSlowDriverTimesOutAndIsReconnectedAfterThreeTimeouts() {
        fake.set("p", Value.of(1L));
        fake.set("q", Value.of(2L));
        station = new Station(dir, root(driver("fake", device("dev", SAMPLED,
                channel("q", "q", "LONG", "\"writable\": true"))))).timing(100, 20, 200);
        station.drivers.add(fake);
        station.start();
        Channel p = station.channel("p");
        Channel q = station.channel("q");
        RecordLog log = new RecordLog();
        p.addListener(log);
        awaitValid(p);

        fake.setDelayMillis(400);
        assertThat(q.read().getFlag()).isEqualTo(Flag.TIMEOUT);
        assertThat(q.getLatestRecord().getFlag()).isEqualTo(Flag.TIMEOUT);
        Await.until("sampled channel flagged TIMEOUT", () -> log.count(Flag.TIMEOUT) > 0);
        Await.until("reconnect after repeated timeouts", () -> fake.connectCount() >= 2);

        fake.setDelayMillis(0);
        Await.until("valid again", () -> log.countAfter(Flag.TIMEOUT, Flag.VALID) > 0);
        assertThat(q.read().getValue()).isEqualTo(Value.of(2L));
    }

    @Test
    void aWriteThatTimesOutIsReportedAndNotStoredAsTheLatestRecord() {
        Channel p = startWith(channel("p", "p", "LONG", "\"writable\": true"));
        assertThat(p.read().getValue()).isEqualTo(Value.of(1L));
        fake.setDelayMillis(300);
        station.dm().updateSettings(new Settings(station.channelsFile, station.historyDir, 100, 20, 100, 20, 200));

        assertThat(p.write(Value.of(5L))).isEqualTo(Flag.TIMEOUT);
        assertThat(p.getLatestRecord().getValue()).isEqualTo(Value.of(1L));
    }

    @Test
    void anUncheckedExceptionIsFlaggedAndTheSamplerCarriesOn() {
        Channel p = startWith(SAMPLED);
        RecordLog log = new RecordLog();
        p.addListener(log);
        awaitValid(p);

        fake.setThrowUnchecked(true);
        Await.until("driver bug flagged", () -> log.count(Flag.DRIVER_THREW_UNKNOWN_EXCEPTION) > 0);
        assertThat(p.write(Value.of(4L))).as("a failed write reports, never throws").isIn(
                Flag.DRIVER_THREW_UNKNOWN_EXCEPTION, Flag.CONNECTING, Flag.WAITING_FOR_CONNECTION_RETRY,
                Flag.CONNECTION_EXCEPTION);
        fake.setThrowUnchecked(false);

        Await.until("sampling resumed", () -> log.countAfter(Flag.DRIVER_THREW_UNKNOWN_EXCEPTION, Flag.VALID) >= 3);
    }

    @Test
    void aDriverGoingAwayMakesChannelsUnavailableUntilItComesBack() {
        Channel p = startWith(SAMPLED);
        awaitValid(p);

        station.drivers.remove(fake);
        assertThat(p.getLatestRecord().getFlag()).isEqualTo(Flag.DRIVER_UNAVAILABLE);
        assertThat(fake.closeCount()).isEqualTo(1);
        assertThat(p.read().getFlag()).isEqualTo(Flag.DRIVER_UNAVAILABLE);
        assertThat(p.write(Value.of(2L))).isEqualTo(Flag.DRIVER_UNAVAILABLE);
        int reads = fake.readCount();

        station.drivers.add(fake);
        awaitValid(p);
        assertThat(fake.readCount()).isGreaterThan(reads);
        assertThat(fake.connectCount()).isEqualTo(2);
    }

    @Test
    void aDriverThatIsNotThereAtStartIsPickedUpWhenItArrives() {
        fake.set("p", Value.of(1L));
        station = new Station(dir, root(driver("fake", device("dev", SAMPLED))));
        station.start();
        Channel p = station.channel("p");
        assertThat(p.getLatestRecord().getFlag()).isEqualTo(Flag.DRIVER_UNAVAILABLE);
        assertThat(p.read().getFlag()).isEqualTo(Flag.DRIVER_UNAVAILABLE);

        station.drivers.add(fake);
        awaitValid(p);
    }

    @Test
    void aMalformedDeviceAddressIsNotRetriedUntilTheConfigurationChanges() throws Exception {
        MalformedAddressDriver strict = new MalformedAddressDriver(fake);
        RecordingDriver other = new RecordingDriver("other");
        other.setRefuseConnect(true);
        fake.set("p", Value.of(1L));
        station = new Station(dir, root(driver("fake", deviceAt("dev", "bad", SAMPLED)),
                driver("other", device("o", channel("o", "o", "LONG", "\"samplingIntervalMillis\": 20")))));
        station.drivers.add(strict);
        station.drivers.add(other);
        station.start();
        Channel p = station.channel("p");

        Await.until("the other device retried a few times", () -> other.connectCount() >= 4);
        assertThat(strict.badConnects()).isEqualTo(1);
        assertThat(p.getLatestRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(p.read().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);

        station.writeChannels(root(driver("fake", deviceAt("dev", "good", SAMPLED)),
                driver("other", device("o", channel("o", "o", "LONG", "\"samplingIntervalMillis\": 20")))));
        assertThat(station.dm().reload()).isTrue();
        awaitValid(p);
    }

    @Test
    void callsOnOneConnectionNeverOverlap() {
        Channel p = startWith(SAMPLED);
        awaitValid(p);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long v = t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    p.write(Value.of(v));
                    p.read();
                }
            });
            writers.add(w);
            w.start();
        }
        writers.forEach(w -> {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(fake.overlapCount()).isZero();
        assertThat(fake.readCount()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aHangingConnectTimesOutAndTheStuckThreadIsAbandoned() throws Exception {
        java.util.concurrent.CountDownLatch hang = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<org.chargeflex.station.api.driver.Connection> late =
                new java.util.concurrent.atomic.AtomicReference<>();
        org.chargeflex.station.api.driver.DriverService hanging = new org.chargeflex.station.api.driver.DriverService() {
            @Override
            public org.chargeflex.station.api.driver.DriverInfo getInfo() {
                return fake.getInfo();
            }

            @Override
            public org.chargeflex.station.api.driver.Connection connect(
                    org.chargeflex.station.api.driver.DeviceConfig device)
                    throws org.chargeflex.station.api.driver.ConnectionException {
                if (calls.incrementAndGet() == 1) {
                    awaitIgnoringInterrupts(hang); // a driver that ignores interrupts and never gives up
                    late.set(fake.connect(device));
                    return late.get();
                }
                return fake.connect(device);
            }
        };
        fake.set("p", Value.of(1L));
        station = new Station(dir, root(driver("fake", device("dev", SAMPLED)))).timing(100, 20, 50);
        station.drivers.add(hanging);
        station.start();
        Channel p = station.channel("p");
        RecordLog log = new RecordLog();
        p.addListener(log);

        awaitValid(p); // connected on a fresh thread while the first one is still stuck in connect
        // listeners are called on their own thread: wait until the VALID record has reached the log too
        Await.until("flags delivered", () -> log.count(Flag.TIMEOUT) >= 3 && log.count(Flag.VALID) >= 1);
        // the two attempts queued behind the stuck one timed out without ever reaching the driver
        assertThat(calls.get()).isEqualTo(2);
        assertThat(log.flags()).containsSubsequence(Flag.TIMEOUT, Flag.WAITING_FOR_CONNECTION_RETRY, Flag.TIMEOUT,
                Flag.WAITING_FOR_CONNECTION_RETRY, Flag.TIMEOUT, Flag.WAITING_FOR_CONNECTION_RETRY, Flag.VALID);

        int closes = fake.closeCount();
        hang.countDown();
        Await.until("the late connection closed", () -> late.get() != null && fake.closeCount() == closes + 1);
        assertThat(p.write(Value.of(2L))).isEqualTo(Flag.VALID);
    }

    private static void awaitIgnoringInterrupts(java.util.concurrent.CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting, as a stubborn driver would
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
