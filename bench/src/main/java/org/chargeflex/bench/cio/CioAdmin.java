package org.chargeflex.bench.cio;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up the fleet through the operator API as an operator would: grid connection points, stations with two 11 kW
 * three-phase outlets (22 kW per station), and a credential per station. Stations are spread over grid connection
 * points of {@link #STATIONS_PER_GRID_POINT} stations each whose limit is 60 % of their stations' total.
 */
final class CioAdmin {
    static final int STATIONS_PER_GRID_POINT = 20;
    static final double OUTLET_W = 11_000;
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client;
    private final CioProcess cio;
    final String authorization;

    CioAdmin(HttpClient client, CioProcess cio) {
        this.client = client;
        this.cio = cio;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + cio.adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Registers stations {@code prefix-0 .. prefix-(n-1)} with {@code parallel} concurrent admin requests and returns
     * them with their secrets.
     */
    List<SimStation> register(String prefix, int n, int parallel) throws Exception {
        int points = (n + STATIONS_PER_GRID_POINT - 1) / STATIONS_PER_GRID_POINT;
        for (int g = 0; g < points; g++) {
            double limit = 0.6 * STATIONS_PER_GRID_POINT * 2 * OUTLET_W;
            expect(200, "PUT", "/api/v1/admin/grid-connection-points/" + gridPoint(prefix, g),
                    String.format(Locale.ROOT, "{\"name\":\"Feeder %d\",\"maxPowerW\":%.0f}", g, limit));
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<SimStation>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int k = i;
                futures.add(pool.submit(() -> registerOne(prefix, k)));
            }
            List<SimStation> stations = new ArrayList<>(n);
            for (Future<SimStation> f : futures) {
                stations.add(f.get());
            }
            return stations;
        } finally {
            pool.shutdown();
        }
    }

    private SimStation registerOne(String prefix, int k) throws IOException, InterruptedException {
        String id = prefix + "-" + k;
        // spread over a 0.5 x 0.5 degree box around Munich
        double lat = 48.0 + (k * 0.6180339887 % 1.0) * 0.5;
        double lon = 11.3 + (k * 0.4142135623 % 1.0) * 0.5;
        String body = String.format(Locale.ROOT, "{\"id\":\"%s\",\"station\":{\"name\":\"Bench station %d\","
                + "\"latitude\":%.5f,\"longitude\":%.5f,\"gridConnectionPoint\":\"%s\",\"maxPowerW\":%.0f},"
                + "\"outlets\":[{\"id\":\"1\",\"maxPowerW\":%.0f,\"phases\":3},{\"id\":\"2\",\"maxPowerW\":%.0f,\"phases\":3}]}",
                id, k, lat, lon, gridPoint(prefix, k / STATIONS_PER_GRID_POINT), 2 * OUTLET_W, OUTLET_W, OUTLET_W);
        expect(201, "POST", "/api/v1/admin/stations", body);
        String answer = expect(200, "POST", "/api/v1/admin/stations/" + id + "/credential", null);
        Matcher m = SECRET.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no secret in " + answer);
        }
        return new SimStation(id, List.of("1", "2"), m.group(1));
    }

    private static String gridPoint(String prefix, int g) {
        return prefix + "-FEEDER-" + g;
    }

    private String expect(int status, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(cio.uri(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
