package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.datamanager.ChannelsJson.channel;
import static org.chargeflex.station.datamanager.ChannelsJson.device;
import static org.chargeflex.station.datamanager.ChannelsJson.driver;
import static org.chargeflex.station.datamanager.ChannelsJson.root;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling, listening and listener delivery through a real data manager and a fake driver. */
class SamplingTest {
    @TempDir
    Path dir;
    private Station station;
    private final RecordingDriver meter = new RecordingDriver("fake");

    @AfterEach
    void close() {
        if (station != null) {
            station.close();
        }
    }

    private Station start(String... channels) {
        station = new Station(dir, root(driver("fake", device("meter1", channels))));
        station.drivers.add(meter);
        return station.start();
    }

    @Test
    void sampledRecordsReachListenersAndTheLatestRecord() {
        meter.set("p", Value.of(42L));
        start(channel("outlet1/power", "p", "DOUBLE", "\"samplingIntervalMillis\": 20, \"unit\": \"W\""));
        Channel power = station.channel("outlet1/power");
        RecordLog log = new RecordLog();
        power.addListener(log);

        Await.until("5 sampled records", () -> log.count(Flag.VALID) >= 5);

        assertThat(log.labels()).containsOnly("outlet1/power");
        assertThat(power.getLatestRecord().getFlag()).isEqualTo(Flag.VALID);
        assertThat(power.getLatestRecord().getValue()).isEqualTo(Value.of(42.0)); // converted to DOUBLE
        meter.set("p", Value.of(43L));
        Await.until("the new value", () -> Value.of(43.0).equals(power.getLatestRecord().getValue()));
        assertThat(power.getUnit()).isEqualTo("W");
        assertThat(power.getDriverId()).isEqualTo("fake");
        assertThat(power.getDeviceAddress()).isEqualTo("meter1");
    }

    @Test
    void channelsWithTheSameIntervalAreReadInOneCall() {
        meter.set("a", Value.of(1L));
        meter.set("b", Value.of(2L));
        meter.set("c", Value.of(3L));
        meter.set("d", Value.of(4L));
        start(channel("a", "a", "LONG", "\"samplingIntervalMillis\": 20"),
                channel("b", "b", "LONG", "\"samplingIntervalMillis\": 20"),
                channel("c", "c", "LONG", "\"samplingIntervalMillis\": 30"),
                channel("d", "d", "LONG", ""));

        Await.until("several read calls", () -> meter.readCalls().size() >= 10);

        assertThat(meter.readCalls()).allSatisfy(call -> assertThat(call).isIn(List.of("a", "b"), List.of("c")));
        assertThat(meter.readCalls()).contains(List.of("a", "b"), List.of("c"));
        assertThat(station.channel("d").getLatestRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);
        assertThat(meter.overlapCount()).as("calls overlapping on one connection").isZero();
    }

    @Test
    void aThrowingListenerDoesNotStopDelivery() {
        meter.set("p", Value.of(1L));
        start(channel("p", "p", "LONG", "\"samplingIntervalMillis\": 20"));
        AtomicInteger calls = new AtomicInteger();
        station.channel("p").addListener((label, record) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });
        RecordLog log = new RecordLog();
        station.channel("p").addListener(log);

        Await.until("records despite the throwing listener", () -> log.size() >= 3 && calls.get() >= 3);
    }

    @Test
    void aSlowListenerDoesNotStallSampling() throws Exception {
        meter.set("p", Value.of(1L));
        start(channel("p", "p", "LONG", "\"samplingIntervalMillis\": 20"));
        Channel p = station.channel("p");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        p.addListener((label, record) -> {
            delivered.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until("the listener is blocked", () -> delivered.get() == 1);
        int readsBefore = meter.readCount();

        Await.until("sampling goes on", () -> meter.readCount() >= readsBefore + 5);
        Record latest = p.getLatestRecord();
        Await.until("latest record moves on", () -> p.getLatestRecord().getTimestamp() > latest.getTimestamp());
        assertThat(delivered.get()).isEqualTo(1);

        release.countDown();
        Await.until("queued records delivered", () -> delivered.get() >= 5);
    }

    @Test
    void removedListenersGetNothingMore() {
        meter.set("p", Value.of(1L));
        start(channel("p", "p", "LONG", "\"samplingIntervalMillis\": 20"));
        RecordLog removed = new RecordLog();
        RecordLog kept = new RecordLog();
        station.channel("p").addListener(removed);
        station.channel("p").addListener(kept);
        Await.until("first records", () -> removed.size() >= 1);

        station.channel("p").removeListener(removed);
        int frozen = removed.size();
        Await.until("more records for the kept listener", () -> kept.size() >= frozen + 5);
        assertThat(removed.size()).isLessThanOrEqualTo(frozen + 1); // one may have been queued already
    }

    @Test
    void listeningChannelsGetPushedRecordsAndListenAgainAfterAReconnect() {
        station = new Station(dir, root(driver("fake", device("meter1",
                channel("ev/plugged", "plug", "BOOLEAN", "\"listening\": true")))));
        station.drivers.add(meter);
        station.start();
        Channel plugged = station.channel("ev/plugged");
        RecordLog log = new RecordLog();
        plugged.addListener(log);
        Await.until("connected", () -> meter.connectCount() == 1);

        Await.until("pushed record", () -> {
            meter.push("plug", Value.of(1L), 1234);
            return log.count(Flag.VALID) > 0;
        });
        assertThat(plugged.getLatestRecord().getValue()).isEqualTo(Value.of(true));
        assertThat(log.records()).contains(new Record(Value.of(true), 1234));

        meter.interruptConnection(); // also leaves the fake's connections broken
        Await.until("connection flags", () -> log.count(Flag.CONNECTION_EXCEPTION) > 0
                && log.count(Flag.WAITING_FOR_CONNECTION_RETRY) > 0);
        meter.setBreakConnection(false);
        Await.until("listening again after reconnect", () -> {
            meter.push("plug", Value.of(0L), 5678);
            return log.records().contains(new Record(Value.of(false), 5678));
        });
        assertThat(meter.connectCount()).isGreaterThanOrEqualTo(2);
    }
}
