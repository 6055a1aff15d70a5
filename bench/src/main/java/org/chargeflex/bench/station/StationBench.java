package org.chargeflex.bench.station;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.chargeflex.bench.load.LoadResult;
import org.chargeflex.bench.load.OpenLoopLoad;
import org.chargeflex.bench.load.SocketLoad;

/**
 * Station firmware benchmark: start-up time to the first REST answer, GET latency percentiles and throughput at a
 * fixed request rate, and the resident memory of the Felix JVM.
 *
 * <pre>
 * mvn -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.args="--dist station-osgi/distribution/target/chargeflex-station"
 * </pre>
 * The station runs as a device runs it: installed (copied) to a temporary home and started by its
 * {@code bin/chargeflex-station}. Options: {@code --startups N} (5), {@code --rate R} requests/s (500),
 * {@code --seconds S} (30), {@code --jvm "OPTIONS"} (replaces the script's default JVM options, which also switches
 * class data sharing off), {@code --path /rest/channels/...} (a sampled channel), {@code --connections N} (16),
 * {@code --prepare-cds on|off} (on: each installation runs the installation step that makes the class data sharing
 * archive, as bin/install-station and the Debian package do; off: the first start has none),
 * {@code --client socket|jdk} (the load generator: {@link SocketLoad}, blocking sockets, or the JDK's HttpClient
 * through {@link OpenLoopLoad}, which costs the shared cores about 2.5 times the station's own CPU per request).
 */
public final class StationBench {
    private StationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of("station-osgi/distribution/target/chargeflex-station");
        int startups = 5;
        int rate = 500;
        int seconds = 30;
        String jvmOptions = null; // the defaults of bin/chargeflex-station
        String path = "/rest/channels/outlet1/meter/power";
        int connections = 16;
        boolean prepareCds = true;
        String loadClient = "socket";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--dist" -> dist = Path.of(value);
                case "--startups" -> startups = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--jvm" -> jvmOptions = value;
                case "--path" -> path = value;
                case "--connections" -> connections = Integer.parseInt(value);
                case "--prepare-cds" -> prepareCds = onOff(value);
                case "--client" -> loadClient = switch (value) {
                    case "socket", "jdk" -> value;
                    default -> throw new IllegalArgumentException("--client socket|jdk, not " + value);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String token = UUID.randomUUID().toString() + UUID.randomUUID();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(5)).build();

        // each run installs the distribution afresh (with --prepare-cds on, the installation makes the class data
        // sharing archive, as the real installation procedures do; with off, the first start has none and the script
        // has the JVM write it at exit); the next start of the same installation maps it. Both with an empty
        // framework cache, as every start of the firmware.
        double[][] first = new double[2][startups]; // wall-clock ms, JVM CPU ms
        double[][] installed = new double[2][startups];
        double[] prepareMillis = new double[startups];
        for (int i = 0; i < startups; i++) {
            long t0 = System.nanoTime();
            Path home = StationProcess.install(dist, token, prepareCds && jvmOptions == null);
            prepareMillis[i] = (System.nanoTime() - t0) / 1e6;
            try {
                timeStart(client, home, jvmOptions, token, path, first, i);
                timeStart(client, home, jvmOptions, token, path, installed, i);
            } finally {
                StationProcess.uninstall(home);
            }
        }
        String jvm = jvmOptions == null ? "the defaults of bin/chargeflex-station" : jvmOptions;
        double[] prep = prepareMillis.clone();
        Arrays.sort(prep);
        System.out.printf(Locale.ROOT, "installation (copy%s), median %.0f ms%n",
                prepareCds && jvmOptions == null ? " and --prepare-class-sharing" : " only, no class sharing archive",
                prep[prep.length / 2]);
        printStartups("first start after installation", first, jvm);
        printStartups("start of an installed station", installed, jvm);

        Path home = StationProcess.install(dist, token, prepareCds && jvmOptions == null);
        try (StationProcess training = StationProcess.start(home, jvmOptions)) {
            awaitFirstAnswer(client, training, token, path); // the installation's first start
        }
        try (StationProcess p = StationProcess.start(home, jvmOptions)) {
            awaitFirstAnswer(client, p, token, path);
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
            long idleRss = p.rssKib();
            boolean jdkClient = loadClient.equals("jdk");
            if (jdkClient) {
                OpenLoopLoad.run(client, get, rate, 10, connections); // warm-up
            } else {
                SocketLoad.get(p.port, path, "Bearer " + token, rate, 10, connections);
            }
            long cpu0 = p.cpuMillis();
            long benchCpu0 = benchCpuNanos();
            LoadResult result = jdkClient ? OpenLoopLoad.run(client, get, rate, seconds, connections)
                    : SocketLoad.get(p.port, path, "Bearer " + token, rate, seconds, connections);
            long stationCpu = p.cpuMillis() - cpu0;
            double benchCpuMillis = (benchCpuNanos() - benchCpu0) / 1e6;
            LoadResult.Stats r = result.stats();
            System.out.printf(Locale.ROOT, "GET %s at %d req/s for %d s (load generator: %s): sent %d, ok %d, failed"
                    + " %d, throughput %.1f/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms;"
                    + " CPU per request: station %.2f ms, bench JVM (load generator) %.2f ms%n", path, rate, seconds,
                    jdkClient ? "JDK HttpClient" : "blocking sockets",
                    r.sent(), r.ok(), r.failed(), r.throughput(), r.percentileMillis(50), r.percentileMillis(90),
                    r.percentileMillis(99), r.percentileMillis(99.9), r.percentileMillis(100),
                    stationCpu / (double) r.sent(), benchCpuMillis / r.sent());
            if (result.firstFailure() != null) {
                System.out.println("first failure: " + result.firstFailure());
            }
            System.out.printf(Locale.ROOT, "RSS of the Felix JVM: idle %d KiB (%.1f MB), after load %d KiB (%.1f MB),"
                    + " peak %d KiB (%.1f MB)%n", idleRss, idleRss / 1024.0, p.rssKib(), p.rssKib() / 1024.0,
                    p.peakRssKib(), p.peakRssKib() / 1024.0);
        } finally {
            StationProcess.uninstall(home);
        }
    }

    /** CPU time of this JVM (the load generator's threads and whatever else runs in it), or 0 where unknown. */
    private static long benchCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static boolean onOff(String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("expected on or off, not " + value);
        };
    }

    /** Records the time to the first answer and the JVM's CPU time by then in {@code out[0][i]}, {@code out[1][i]}. */
    private static void timeStart(HttpClient client, Path home, String jvmOptions, String token, String path,
            double[][] out, int i) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try (StationProcess p = StationProcess.start(home, jvmOptions)) {
            awaitFirstAnswer(client, p, token, path);
            out[0][i] = (System.nanoTime() - t0) / 1e6;
            out[1][i] = p.cpuMillis();
        }
    }

    private static void printStartups(String what, double[][] millis, String jvm) {
        double[] wall = millis[0].clone();
        double[] cpu = millis[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s, to the first REST answer (%d runs, JVM options: %s): min %.0f ms, median"
                + " %.0f ms, max %.0f ms; CPU time of the JVM by then: median %.0f ms%n", what, wall.length, jvm,
                wall[0], wall[wall.length / 2], wall[wall.length - 1], cpu[cpu.length / 2]);
    }

    private static void awaitFirstAnswer(HttpClient client, StationProcess p, String token, String path)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (!p.process.isAlive()) {
                throw new IllegalStateException("station process exited; see " + p.home.resolve("console.log"));
            }
            try {
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                seen.add(Integer.toString(r.statusCode()));
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no 200 within 60 s; statuses seen: " + seen);
    }
}
