package org.chargeflex.bench.cio;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chargeflex.bench.load.LoadResult;

/**
 * Load generator for the CIO backend (issue 5): simulated stations against the real server started from its jar.
 *
 * <pre>
 * mvn -q -DskipTests install
 * mvn -q -pl bench dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 * java -cp bench/target/classes:$(cat /tmp/bench.cp) org.chargeflex.bench.cio.CioLoadBench \
 *     --jar cio-backend/target/cio-backend-0.1.0-SNAPSHOT.jar
 * </pre>
 *
 * Test 1 (schedule requests): {@code --stations} (200) stations, charging requests open-loop at {@code --rate} (2000/s)
 * for {@code --seconds} (30) after {@code --warmup} (10) s at the same rate, over {@code --connections} (64)
 * keep-alive connections, plus the stations' STOP records between sessions ({@code --replans} (4) re-plans per
 * session); then a closed-loop probe: {@code --clients} (32) clients flat out for {@code --probe-seconds} (15), after
 * {@code --probe-warmup} (0) seconds of the same closed loop unmeasured.
 * Test 2 (polling): {@code --poll-stations} (10000) stations each polling once per {@code --poll-period} (60) s with
 * If-None-Match and sending one meter batch of 4 values per period, for {@code --poll-seconds} (60).
 * {@code --tests requests,polling} picks tests; {@code --jvm "..."} sets the server's JVM options;
 * {@code --register-parallel} (4) concurrent admin requests during set-up. {@code --client socket|jdk} (socket) picks
 * the generator of test 1's open loop and probe: {@code socket} is {@link org.chargeflex.bench.load.SocketLoad}
 * (a thread with a blocking socket per connection, which writes the raw request and reads the answer itself),
 * {@code jdk} the JDK's HttpClient, which costs about 1 ms of CPU per request on the cores the server needs; the
 * set-up and test 2 use the JDK's HttpClient either way. Every result is printed as one Markdown table row. The
 * generator runs on the same cores as the server: its own CPU share is printed with each result, and test 1 also
 * prints the CPU per request of the CIO (JVM + PostgreSQL) and of the generator (this JVM).
 */
public final class CioLoadBench {
    static final String DEFAULT_JVM = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+AlwaysPreTouch";
    static final int CORES = Runtime.getRuntime().availableProcessors();

    private CioLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        ExecutorService httpExecutor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf(Locale.ROOT, "CIO jar %s, server JVM %s, %d cores shared by server, PostgreSQL and this "
                + "generator%n", o.jar, o.jvm, CORES);
        long t0 = System.nanoTime();
        try (CioProcess cio = CioProcess.start(o.jar, List.of(o.jvm.trim().split("\\s+")))) {
            CioAdmin admin = new CioAdmin(client, cio);
            cio.awaitReady(client, admin.authorization, Duration.ofSeconds(180));
            System.out.printf(Locale.ROOT, "server up (embedded PostgreSQL initdb + Flyway + Spring) in %.1f s; console: %s%n",
                    (System.nanoTime() - t0) / 1e9, cio.home.resolve("console.log"));
            StationMessages messages = new StationMessages(cio);
            if (o.tests.contains("requests")) {
                new RequestTest(o, client, cio, admin, messages).run();
            }
            if (o.tests.contains("polling")) {
                new PollingTest(o, client, cio, admin, messages).run();
            }
        }
    }

    /** Sends each request once, {@code parallel} at a time, and returns the responses (null = failed) and latencies. */
    static List<HttpResponse<String>> sendAll(HttpClient client, List<HttpRequest> requests, int parallel,
            long[] latenciesNanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                final int n = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        return client.send(requests.get(n), HttpResponse.BodyHandlers.ofString());
                    } finally {
                        latenciesNanos[n] = System.nanoTime() - start;
                    }
                }));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    static double medianMillis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2] / 1e6;
    }

    /** One Markdown table row: what, setting, counts, throughput, percentiles, CPU. */
    static void row(String what, String setting, LoadResult.Stats s, String extra) {
        System.out.printf(Locale.ROOT, "| %s | %s | sent %d, ok %d, failed %d | %.1f/s | p50 %.2f ms | p90 %.2f ms |"
                + " p99 %.2f ms | p99.9 %.2f ms | max %.2f ms | %s |%n", what, setting, s.sent(), s.ok(), s.failed(),
                s.throughput(), s.percentileMillis(50), s.percentileMillis(90), s.percentileMillis(99),
                s.percentileMillis(99.9), s.percentileMillis(100), extra);
    }

    static void failures(LoadResult r) {
        if (r.firstFailure() != null) {
            System.out.println("first failure: " + r.firstFailure());
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String CLIENT_SOCKET = "socket";
        static final String CLIENT_JDK = "jdk";
        Path jar = Path.of("cio-backend/target/cio-backend-0.1.0-SNAPSHOT.jar");
        String jvm = DEFAULT_JVM;
        String tests = "requests,polling";
        int stations = 200;
        int rate = 2000;
        int seconds = 30;
        int warmup = 10;
        int connections = 64;
        int replans = 4;
        int clients = 32;
        int probeSeconds = 15;
        int probeWarmup = 0;
        int pollStations = 10_000;
        int pollPeriod = 60;
        int pollSeconds = 60;
        int pollConnections = 32;
        int registerParallel = 4;
        String client = CLIENT_SOCKET;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                String v = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--jar" -> o.jar = Path.of(v);
                    case "--jvm" -> o.jvm = v;
                    case "--tests" -> o.tests = v;
                    case "--stations" -> o.stations = Integer.parseInt(v);
                    case "--rate" -> o.rate = Integer.parseInt(v);
                    case "--seconds" -> o.seconds = Integer.parseInt(v);
                    case "--warmup" -> o.warmup = Integer.parseInt(v);
                    case "--connections" -> o.connections = Integer.parseInt(v);
                    case "--replans" -> o.replans = Integer.parseInt(v);
                    case "--clients" -> o.clients = Integer.parseInt(v);
                    case "--probe-seconds" -> o.probeSeconds = Integer.parseInt(v);
                    case "--probe-warmup" -> o.probeWarmup = Integer.parseInt(v);
                    case "--poll-stations" -> o.pollStations = Integer.parseInt(v);
                    case "--poll-period" -> o.pollPeriod = Integer.parseInt(v);
                    case "--poll-seconds" -> o.pollSeconds = Integer.parseInt(v);
                    case "--poll-connections" -> o.pollConnections = Integer.parseInt(v);
                    case "--register-parallel" -> o.registerParallel = Integer.parseInt(v);
                    case "--client" -> o.client = client(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (see the Javadoc of CioLoadBench for the options)");
                }
            }
            return o;
        }

        private static String client(String v) {
            if (!v.equals(CLIENT_SOCKET) && !v.equals(CLIENT_JDK)) {
                throw new IllegalArgumentException("--client must be " + CLIENT_SOCKET + " or " + CLIENT_JDK + ", not '"
                        + v + "'");
            }
            return v;
        }
    }
}
