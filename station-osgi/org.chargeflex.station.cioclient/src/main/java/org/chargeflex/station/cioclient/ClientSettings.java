package org.chargeflex.station.cioclient;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checked configuration of the client. {@link #from} collects every problem and refuses the configuration as a
 * whole with all of them in the message.
 */
record ClientSettings(URI baseUrl, String stationId, String secret, Path truststore, char[] truststorePassword,
        String truststoreType, Duration connectTimeout, Duration readTimeout, int requestAttempts,
        long retryMinMillis, long retryMaxMillis, Path outboxDirectory, long outboxMaxPending,
        long outboxSegmentBytes, int batchSize) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static ClientSettings from(Config c, String home) {
        List<String> problems = new ArrayList<>();
        URI base = null;
        String url = c.baseUrl() == null ? "" : c.baseUrl().trim();
        if (url.isEmpty()) {
            problems.add("baseUrl is required");
        } else {
            try {
                base = new URI(url);
                String scheme = base.getScheme();
                if (!base.isAbsolute() || base.getHost() == null
                        || !("https".equals(scheme) || "http".equals(scheme))) {
                    problems.add("baseUrl must be an absolute https URL, was '" + url + "'");
                } else if ("http".equals(scheme) && !c.allowPlainHttp()) {
                    problems.add("baseUrl is plain http ('" + url + "'): use https, or set allowPlainHttp=true "
                            + "for development");
                }
            } catch (URISyntaxException e) {
                problems.add("baseUrl is not a URL: " + e.getMessage());
            }
        }
        String station = c.stationId() == null ? "" : c.stationId().trim();
        if (!ID.matcher(station).matches()) {
            problems.add("stationId must be 1 to 64 letters, digits, '.', '_', ':' or '-', was '" + station + "'");
        }
        String secret = secret(c, home, problems);
        Path truststore = blank(c.truststorePath()) ? null : resolve(c.truststorePath(), home);
        if (truststore != null && !Files.isReadable(truststore)) {
            problems.add("truststorePath " + truststore + " is not a readable file");
        }
        positive(c.connectTimeoutMillis(), "connectTimeoutMillis", problems);
        positive(c.readTimeoutMillis(), "readTimeoutMillis", problems);
        positive(c.requestAttempts(), "requestAttempts", problems);
        positive(c.retryMinMillis(), "retryMinMillis", problems);
        if (c.retryMaxMillis() < c.retryMinMillis()) {
            problems.add("retryMaxMillis must be >= retryMinMillis");
        }
        positive(c.outboxMaxPending(), "outboxMaxPending", problems);
        if (c.outboxSegmentBytes() < 1024) {
            problems.add("outboxSegmentBytes must be >= 1024, was " + c.outboxSegmentBytes());
        }
        if (c.batchSize() < 1 || c.batchSize() > 1000) {
            problems.add("batchSize must be 1 to 1000, was " + c.batchSize());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ClientSettings(base, station, secret, truststore,
                c.truststorePassword() == null ? new char[0] : c.truststorePassword().toCharArray(),
                c.truststoreType(), Duration.ofMillis(c.connectTimeoutMillis()),
                Duration.ofMillis(c.readTimeoutMillis()), c.requestAttempts(), c.retryMinMillis(), c.retryMaxMillis(),
                resolve(c.outboxDirectory(), home).resolve(station), c.outboxMaxPending(), c.outboxSegmentBytes(),
                c.batchSize());
    }

    private static String secret(Config c, String home, List<String> problems) {
        boolean inline = !blank(c.stationSecret());
        boolean file = !blank(c.stationSecretFile());
        if (inline == file) {
            problems.add(inline ? "give either stationSecret or stationSecretFile, not both"
                    : "stationSecret or stationSecretFile is required (there is no default credential)");
            return "";
        }
        if (inline) {
            return c.stationSecret().trim();
        }
        Path p = resolve(c.stationSecretFile(), home);
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            String s = lines.isEmpty() ? "" : lines.get(0).trim();
            if (s.isEmpty()) {
                problems.add("stationSecretFile " + p + " is empty");
            }
            return s;
        } catch (IOException e) {
            problems.add("stationSecretFile " + p + " cannot be read: " + e);
            return "";
        }
    }

    static Path resolve(String path, String home) {
        Path p = Paths.get(path.trim());
        if (p.isAbsolute() || home == null || home.isBlank()) {
            return p.toAbsolutePath();
        }
        return Paths.get(home).resolve(p).toAbsolutePath();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void positive(long v, String name, List<String> problems) {
        if (v < 1) {
            problems.add(name + " must be >= 1, was " + v);
        }
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", stationId=" + stationId + ", truststore=" + truststore
                + ", outbox=" + outboxDirectory + "]";
    }
}
