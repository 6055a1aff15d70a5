package org.chargeflex.bench.cio;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chargeflex.bench.load.LoadResult;
import org.chargeflex.bench.load.OpenLoopLoad;

/** Test 2: many stations polling their schedule once a period (If-None-Match) and sending one meter batch each. */
final class PollingTest {
    private final CioLoadBench.Options o;
    private final HttpClient client;
    private final CioProcess cio;
    private final CioAdmin admin;
    private final StationMessages messages;

    PollingTest(CioLoadBench.Options o, HttpClient client, CioProcess cio, CioAdmin admin, StationMessages messages) {
        this.o = o;
        this.client = client;
        this.cio = cio;
        this.admin = admin;
        this.messages = messages;
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        List<SimStation> stations = admin.register("poll", o.pollStations, o.registerParallel);
        System.out.printf(Locale.ROOT, "registered %d stations with credentials in %.1f s%n", stations.size(),
                (System.nanoTime() - t0) / 1e9);

        // every station starts a session on outlet 1 (its first request) and keeps the ETag
        ChargingPlan sessions = new ChargingPlan(messages, stations, Integer.MAX_VALUE);
        List<HttpRequest> first = sessions.nextOfOutlet("1");
        long[] latencies = new long[first.size()];
        t0 = System.nanoTime();
        List<HttpResponse<String>> answers = CioLoadBench.sendAll(client, first, o.registerParallel, latencies);
        RequestTest.requireAll(200, answers);
        System.out.printf(Locale.ROOT, "first charging request of %d stations in %.1f s, median"
                + " %.1f ms%n", stations.size(), (System.nanoTime() - t0) / 1e9, CioLoadBench.medianMillis(latencies));
        java.util.Map<String, SimStation> byId = new java.util.HashMap<>();
        stations.forEach(s -> byId.put(s.id, s));
        List<PollingPlan.Polled> polled = new ArrayList<>();
        for (HttpResponse<String> r : answers) {
            String path = r.request().uri().getPath(); // /api/v1/stations/{id}/charging-requests
            String stationId = path.split("/")[4];
            SimStation s = byId.get(stationId);
            String etag = r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag"));
            polled.add(new PollingPlan.Polled(s, sessionId(r.body()), etag));
        }
        PollingPlan plan = new PollingPlan(messages, polled);
        double rate = plan.rate(Duration.ofSeconds(o.pollPeriod));
        if (o.warmup > 0) {
            run(plan, rate, o.warmup);
        }
        CpuMeter cpu = cio.cpuMeter();
        cpu.start();
        int n = (int) Math.round(rate * o.pollSeconds);
        byte[] kinds = new byte[n];
        LoadResult r = run(plan, rate, o.pollSeconds, kinds);
        CpuMeter.Usage usage = cpu.stop();
        String setting = String.format(Locale.ROOT, "%d stations, each 1 poll (If-None-Match) + 1 batch of %d meter"
                + " values per %d s = %.0f req/s, %d s, %d connections", o.pollStations, PollingPlan.VALUES_PER_BATCH,
                o.pollPeriod, rate, o.pollSeconds, o.pollConnections);
        LoadResult.Stats all = r.stats(i -> true, s -> s == 200 || s == 304);
        LoadResult.Stats polls = r.stats(i -> kinds[i] == PollingPlan.POLL, s -> s == 200 || s == 304);
        LoadResult.Stats notModified = r.stats(i -> kinds[i] == PollingPlan.POLL, s -> s == 304);
        LoadResult.Stats batches = r.stats(i -> kinds[i] == PollingPlan.METER_BATCH, s -> s == 200);
        CioLoadBench.row("CIO polling + meter batches, all requests", setting, all, usage.describe(CioLoadBench.CORES));
        CioLoadBench.row("CIO schedule polls", setting, polls, notModified.ok() + " of " + polls.sent() + " answered 304");
        CioLoadBench.row("CIO meter batches", setting, batches, "");
        CioLoadBench.failures(r);
    }

    private LoadResult run(PollingPlan plan, double rate, int seconds) throws InterruptedException {
        int n = (int) Math.round(rate * seconds);
        return run(plan, rate, seconds, new byte[n]);
    }

    private LoadResult run(PollingPlan plan, double rate, int seconds, byte[] kinds) throws InterruptedException {
        int n = kinds.length;
        HttpRequest[] requests = plan.build(n, kinds);
        return OpenLoopLoad.run(client, i -> requests[i], n, rate, o.pollConnections);
    }

    private static String sessionId(String scheduleJson) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(scheduleJson);
        if (!m.find()) {
            throw new IllegalStateException("no sessionId in " + scheduleJson);
        }
        return m.group(1);
    }
}
