package org.chargeflex.station.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.chargeflex.station.launcher.StationFramework;

/**
 * A copy of the built distribution in a temporary folder, started in-process on a free port, with known users:
 * {@code operator} (read, write), {@code viewer} (read) and a bearer token {@link #TOKEN} (read).
 */
final class TestStation implements AutoCloseable {
    static final String OPERATOR_PASSWORD = "operator-secret-1234";
    static final String VIEWER_PASSWORD = "viewer-secret-5678";
    static final String TOKEN = "tok-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> overrides = new HashMap<>();
    private StationFramework framework;
    private int port;

    private TestStation(Path home) {
        this.home = home;
    }

    /** Copies the distribution into {@code dir} and installs the test users; does not start it. */
    static TestStation prepare(Path dir) throws IOException {
        Path dist = Paths.get(System.getProperty("station.home", "target/chargeflex-station"));
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no distribution at " + dist.toAbsolutePath() + "; run mvn package first");
        }
        copyTree(dist.resolve("bundle"), dir.resolve("bundle"));
        copyTree(dist.resolve("conf"), dir.resolve("conf"));
        TestStation s = new TestStation(dir);
        s.writeUsers();
        return s;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    void writeUsers() throws IOException {
        String users = """
                {"users":[
                  {"name":"operator","passwordHash":"%s","roles":["read","write"]},
                  {"name":"viewer","passwordHash":"%s","roles":["read"]}],
                 "tokens":[{"name":"cio","sha256":"%s","roles":["read"]}]}
                """.formatted(hash(OPERATOR_PASSWORD), hash(VIEWER_PASSWORD), sha256(TOKEN));
        Files.writeString(home.resolve("conf/users.json"), users);
    }

    static String hash(String password) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            int iterations = 10_000;
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path home() {
        return home;
    }

    TestStation override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    TestStation start() throws Exception {
        if (port == 0) {
            port = freePort();
        }
        overrides.putIfAbsent("org.osgi.service.http.port", Integer.toString(port));
        framework = StationFramework.start(home, overrides);
        awaitTrue("REST server answers", Duration.ofSeconds(30),
                () -> get("/rest/channels", operator()).statusCode() == 200);
        return this;
    }

    /** Starts the framework without waiting for plain HTTP (for HTTPS-only set-ups). */
    void startFrameworkOnly() throws Exception {
        framework = StationFramework.start(home, overrides);
    }

    void stop() {
        if (framework != null) {
            framework.close();
            framework = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    StationFramework framework() {
        return framework;
    }

    int port() {
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String operator() {
        return basic("operator", OPERATOR_PASSWORD);
    }

    static String viewer() {
        return basic("viewer", VIEWER_PASSWORD);
    }

    static String bearer() {
        return "Bearer " + TOKEN;
    }

    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    HttpResponse<String> put(String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** Polls until the condition holds; fails with the description after the deadline. */
    static void awaitTrue(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what, last);
    }
}
