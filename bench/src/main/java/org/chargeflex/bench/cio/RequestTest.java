package org.chargeflex.bench.cio;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.chargeflex.bench.load.ClosedLoopLoad;
import org.chargeflex.bench.load.LoadResult;
import org.chargeflex.bench.load.OpenLoopLoad;
import org.chargeflex.bench.load.SocketLoad;

/**
 * Test 1: charging requests (new sessions and re-plans) open-loop at a fixed rate, then a closed-loop probe, both sent
 * by the generator {@code --client} picks: {@link SocketLoad} (blocking sockets, the default) or the JDK's HttpClient
 * ({@link OpenLoopLoad}, {@link ClosedLoopLoad}). The set-up requests go through the JDK's HttpClient either way.
 */
final class RequestTest {
    private static final int PROBE_CAPACITY = 400_000;

    private final CioLoadBench.Options o;
    private final HttpClient client;
    private final CioProcess cio;
    private final CioAdmin admin;
    private final StationMessages messages;

    RequestTest(CioLoadBench.Options o, HttpClient client, CioProcess cio, CioAdmin admin, StationMessages messages) {
        this.o = o;
        this.client = client;
        this.cio = cio;
        this.admin = admin;
        this.messages = messages;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        List<SimStation> stations = admin.register("req", o.stations, o.registerParallel);
        System.out.printf(Locale.ROOT, "registered %d stations with credentials in %.1f s%n", stations.size(),
                (System.nanoTime() - t0) / 1e9);
        ChargingPlan plan = new ChargingPlan(messages, stations, o.replans);
        checkCredentialCache(plan);

        // per session: 1 + replans charging requests and 1 STOP record, so the stream is a bit faster than --rate
        double streamRate = o.rate * (o.replans + 2.0) / (o.replans + 1.0);
        String setting = String.format(Locale.ROOT, "%d stations (%d outlets), %d charging requests/s (+ STOP records,"
                + " %d re-plans per session), %d s after %d s warm-up, %d connections, generator: %s", o.stations,
                plan.outletCount(), o.rate, o.replans, o.seconds, o.warmup, o.connections, generator());
        if (o.warmup > 0) {
            openLoop(plan, streamRate, o.warmup);
        }
        CpuMeter cpu = cio.cpuMeter();
        cpu.start();
        Run run = openLoop(plan, streamRate, o.seconds);
        CpuMeter.Usage usage = cpu.stop();
        LoadResult.Stats requests = run.result.stats(i -> run.kinds[i] == ChargingPlan.CHARGING_REQUEST, s -> s == 200);
        LoadResult.Stats stops = run.result.stats(i -> run.kinds[i] == ChargingPlan.STOP_RECORD,
                s -> s == 200 || s == 201);
        CioLoadBench.row("CIO schedule requests, open loop", setting, requests, usage.describe(CioLoadBench.CORES)
                + "; " + usage.perRequest(run.result.sent()));
        CioLoadBench.row("CIO session STOP records in the same run", setting, stops, "");
        CioLoadBench.failures(run.result);

        byte[] kinds = new byte[PROBE_CAPACITY];
        if (o.probeWarmup > 0) { // the closed loop's own warm-up: the JIT compiles anew for its concurrency
            closedLoop(plan, kinds, o.probeWarmup);
        }
        cpu.start();
        LoadResult probe = closedLoop(plan, kinds, o.probeSeconds);
        CpuMeter.Usage probeUsage = cpu.stop();
        LoadResult.Stats max = probe.stats(i -> kinds[i] == ChargingPlan.CHARGING_REQUEST, s -> s == 200);
        CioLoadBench.row("CIO schedule requests, closed loop (max throughput)", String.format(Locale.ROOT,
                "%d stations, %d clients flat out for %d s after %d s of it unmeasured (latency from send), generator:"
                        + " %s", o.stations, o.clients, o.probeSeconds, o.probeWarmup, generator()), max, probeUsage.describe(CioLoadBench.CORES) + "; "
                        + probeUsage.perRequest(probe.sent()));
        CioLoadBench.failures(probe);
    }

    private boolean jdkClient() {
        return o.client.equals(CioLoadBench.Options.CLIENT_JDK);
    }

    private String generator() {
        return jdkClient() ? "JDK HttpClient" : "blocking sockets";
    }

    /**
     * The first request of each station against the second: both are new sessions (same work on the server); the
     * first may also record that the station was seen. (Before issue 5's fix, the first paid a BCrypt check of the
     * secret, which was then cached.) Outlet 1 of every station first, then outlet 2. Also warms up every station.
     */
    private void checkCredentialCache(ChargingPlan plan) throws Exception {
        long[] first = new long[o.stations];
        long t0 = System.nanoTime();
        List<HttpResponse<String>> a = CioLoadBench.sendAll(client, plan.nextOfOutlet("1"), o.registerParallel, first);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        long[] second = new long[o.stations];
        List<HttpResponse<String>> b = CioLoadBench.sendAll(client, plan.nextOfOutlet("2"), o.registerParallel, second);
        requireAll(200, a);
        requireAll(200, b);
        System.out.printf(Locale.ROOT, "first request per station (new session) median %.1f ms"
                + " (%d stations in %.1f s, %d in parallel); second request per station median %.1f ms%n",
                CioLoadBench.medianMillis(first), o.stations, firstSeconds, o.registerParallel,
                CioLoadBench.medianMillis(second));
    }

    static void requireAll(int status, List<HttpResponse<String>> responses) {
        for (HttpResponse<String> r : responses) {
            if (r.statusCode() != status) {
                throw new IllegalStateException(r.request().method() + " " + r.request().uri().getPath() + " -> "
                        + r.statusCode() + " " + r.body());
            }
        }
    }

    private record Run(LoadResult result, byte[] kinds) {
    }

    /** The plan's next steps at {@code rate} for {@code seconds}, open loop; the requests are built ahead. */
    private Run openLoop(ChargingPlan plan, double rate, int seconds) throws InterruptedException {
        int n = (int) Math.round(rate * seconds);
        ChargingPlan.Step[] steps = plan.next(n);
        byte[] kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = steps[i].kind();
        }
        if (jdkClient()) {
            HttpRequest[] requests = new HttpRequest[n];
            for (int i = 0; i < n; i++) {
                requests[i] = messages.jdk(steps[i].request());
            }
            return new Run(OpenLoopLoad.run(client, i -> requests[i], n, rate, o.connections), kinds);
        }
        byte[][] requests = new byte[n][];
        for (int i = 0; i < n; i++) {
            requests[i] = messages.bytes(steps[i].request());
        }
        return new Run(SocketLoad.openLoop(cio.port, i -> requests[i], n, rate, o.connections), kinds);
    }

    /** {@code --clients} flat out for {@code seconds}; the requests are built as they are sent. */
    private LoadResult closedLoop(ChargingPlan plan, byte[] kinds, int seconds) throws InterruptedException {
        if (jdkClient()) {
            return ClosedLoopLoad.run(client, i -> {
                ChargingPlan.Step step = plan.next();
                kinds[i] = step.kind();
                return messages.jdk(step.request());
            }, o.clients, seconds, PROBE_CAPACITY);
        }
        return SocketLoad.closedLoop(cio.port, i -> {
            ChargingPlan.Step step = plan.next();
            kinds[i] = step.kind();
            return messages.bytes(step.request());
        }, o.clients, seconds, PROBE_CAPACITY);
    }
}
