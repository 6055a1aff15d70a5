package org.chargeflex.bench.m3b;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.chargeflex.m3b.simulator.EvSpec;
import org.chargeflex.m3b.simulator.M3bSimulator;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.chargeflex.station.driver.m3b.M3bDriver;

/**
 * M3B benchmark against the simulated board over TCP on the loopback interface:
 * <ol>
 * <li>round-trip latency of a current-limit write (SET_PWM and its ACK), through the driver's {@link Connection} and
 * through the data manager's {@code Channel.write};</li>
 * <li>the rate of meter samples handled: the simulator pushes METER_SAMPLE events back to back and a listener counts
 * the records delivered, at the driver and through the data manager, with the samples lost.</li>
 * </ol>
 * Options: {@code --writes N} (2000), {@code --warmup N} (300), {@code --samples N} (20000),
 * {@code --history N} (data manager history records per channel, 0 = off; default 0).
 */
public final class M3bBench {
    private static final Map<String, String> SETTINGS = Map.of("maxCurrent", "32", "meterIntervalMillis", "0",
            "requestTimeoutMillis", "1000", "retries", "0", "heartbeatIntervalMillis", "1000",
            "boardHeartbeatTimeoutMillis", "10000");

    private M3bBench() {
    }

    public static void main(String[] args) throws Exception {
        int writes = 2000;
        int warmup = 300;
        int samples = 20_000;
        int history = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--writes" -> writes = v;
                case "--warmup" -> warmup = v;
                case "--samples" -> samples = v;
                case "--history" -> history = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "M3B bench: %d writes (+%d warm-up), %d meter samples, history %d;"
                + " JVM %s, %d CPUs%n", writes, warmup, samples, history, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        try (M3bSimulator sim = M3bSimulator.builder().outlets(1).build().startTcp(0)) {
            String address = "tcp://127.0.0.1:" + sim.tcpPort();
            sim.plugIn(1, EvSpec.builder().reactionDelayMillis(1000).build());
            driverLevel(address, writes, warmup, samples, sim);
            dataManagerLevel(address, writes, warmup, samples, history, sim);
        }
    }

    private static void driverLevel(String address, int writes, int warmup, int samples, M3bSimulator sim)
            throws Exception {
        Connection c = new M3bDriver().connect(new DeviceConfig("bench", address, SETTINGS));
        try {
            Latencies lat = new Latencies(writes);
            long failed = 0;
            for (int i = 0; i < warmup + writes; i++) {
                ChannelValueContainer w = new ChannelValueContainer("current_limit", Map.of("outlet", "1"),
                        Value.of(i % 2 == 0 ? 10.0 : 16.0));
                long t0 = System.nanoTime();
                c.write(List.of(w));
                long dt = System.nanoTime() - t0;
                if (w.getFlag() != Flag.VALID) {
                    failed++;
                } else if (i >= warmup) {
                    lat.add(dt);
                }
            }
            System.out.printf("driver Connection.write(current_limit) round trip: %s; not VALID: %d%n",
                    lat.summary(), failed);

            AtomicLong received = new AtomicLong();
            AtomicLong lastAt = new AtomicLong();
            ChannelRecordContainer energy = new ChannelRecordContainer("energy", ValueType.LONG,
                    Map.of("outlet", "1"));
            c.startListening(List.of(energy), new RecordsReceivedListener() {
                @Override
                public void newRecords(List<ChannelRecordContainer> containers) {
                    received.addAndGet(containers.size());
                    lastAt.set(System.nanoTime());
                }

                @Override
                public void connectionInterrupted(Connection connection, ConnectionException cause) {
                    System.out.println("driver: connection interrupted: " + cause.getMessage());
                }
            });
            rate("driver RecordsReceivedListener", sim, samples, received::get, lastAt::get,
                    () -> counter(c, "dropped_events"));
        } finally {
            c.close();
        }
    }

    private static void dataManagerLevel(String address, int writes, int warmup, int samples, int history,
            M3bSimulator sim) throws Exception {
        StringBuilder json = new StringBuilder("{");
        SETTINGS.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        json.append('}');
        try (BenchStation st = new BenchStation(address, json.toString(), history)) {
            var limit = st.channel("outlet1/current_limit");
            var energy = st.channel("outlet1/energy");
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (limit.write(Value.of(10.0)) != Flag.VALID) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the data manager did not connect to " + address);
                }
                Thread.sleep(50);
            }
            Latencies lat = new Latencies(writes);
            Map<Flag, Integer> failed = new HashMap<>();
            for (int i = 0; i < warmup + writes; i++) {
                Value v = Value.of(i % 2 == 0 ? 16.0 : 10.0);
                long t0 = System.nanoTime();
                Flag f = limit.write(v);
                long dt = System.nanoTime() - t0;
                if (f != Flag.VALID) {
                    failed.merge(f, 1, Integer::sum);
                } else if (i >= warmup) {
                    lat.add(dt);
                }
            }
            System.out.printf("data manager Channel.write(outlet1/current_limit) round trip: %s; not VALID: %s%n",
                    lat.summary(), failed);

            AtomicLong received = new AtomicLong();
            AtomicLong lastAt = new AtomicLong();
            List<Flag> otherFlags = new ArrayList<>();
            energy.addListener((label, r) -> {
                if (r.getFlag() == Flag.VALID) {
                    received.incrementAndGet();
                    lastAt.set(System.nanoTime());
                } else {
                    synchronized (otherFlags) {
                        otherFlags.add(r.getFlag());
                    }
                }
            });
            rate("data manager RecordListener (history " + history + ")", sim, samples, received::get, lastAt::get,
                    () -> {
                        Record r = st.channel("board1/dropped_events").read();
                        return r.isValid() ? r.getValue().asLong() : -1;
                    });
            synchronized (otherFlags) {
                if (!otherFlags.isEmpty()) {
                    System.out.println("  records with other flags: " + otherFlags);
                }
            }
        }
    }

    /** Pushes the samples from the simulator and waits until they arrived or delivery stalls for 3 s. */
    private static void rate(String what, M3bSimulator sim, int samples, LongSupplier received, LongSupplier lastAt,
            LongSupplier droppedEvents) throws Exception {
        long before = received.getAsLong();
        long dropsBefore = droppedEvents.getAsLong();
        long t0 = System.nanoTime();
        int sent = sim.pushMeterSamples(1, samples);
        long pushedAt = System.nanoTime();
        long lastCount = -1;
        long stalledSince = System.nanoTime();
        while (received.getAsLong() - before < sent) {
            long now = System.nanoTime();
            long count = received.getAsLong();
            if (count != lastCount) {
                lastCount = count;
                stalledSince = now;
            } else if (now - stalledSince > 3_000_000_000L) {
                break;
            }
            Thread.sleep(5);
        }
        long got = received.getAsLong() - before;
        double seconds = (Math.max(lastAt.getAsLong(), pushedAt) - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: sent %d, delivered %d, lost %d (driver dropped_events +%d) in %.3f s"
                + " = %.0f samples/s (simulator push alone %.0f samples/s)%n", what, sent, got, sent - got,
                droppedEvents.getAsLong() - dropsBefore, seconds, got / seconds, sent / ((pushedAt - t0) / 1e9));
    }

    private static long counter(Connection c, String name) {
        ChannelRecordContainer r = new ChannelRecordContainer(name, ValueType.LONG, Map.of());
        try {
            c.read(List.of(r));
            return r.getRecord().isValid() ? r.getRecord().getValue().asLong() : -1;
        } catch (ConnectionException e) {
            return -1;
        }
    }
}
