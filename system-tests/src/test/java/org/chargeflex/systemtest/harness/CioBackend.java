package org.chargeflex.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real CIO backend, started from its built Spring Boot jar (system property {@code cio.jar}) as a child process on
 * a free port, on its own embedded PostgreSQL with the data in {@code <work>/postgres}, with a known bootstrap admin
 * password and a fixed secrets key, so it can be killed and started again on the same port and data.
 */
public final class CioBackend implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "system-test-admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Path work;
    private final int port;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Process process;
    private Thread cleanup;
    private Tls tls;

    private CioBackend(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    /** Prepares a CIO in {@code work} (created) with default test settings; {@link #start()} runs it. */
    public static CioBackend prepare(Path work) throws IOException {
        Files.createDirectories(work);
        CioBackend cio = new CioBackend(work.toAbsolutePath(), freePort());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cio.property("server.port", Integer.toString(cio.port))
                .property("server.address", "127.0.0.1")
                .property("cio.bootstrap.admin-password", ADMIN_PASSWORD)
                .property("cio.embedded-postgres.data-directory", cio.work.resolve("postgres").toString())
                .property("cio.secrets.key", Base64.getEncoder().encodeToString(key))
                .property("cio.schedule.poll-interval", "1s")
                .property("cio.station-access.timeout", "3s")
                .property("logging.file.name", cio.work.resolve("cio-app.log").toString());
        return cio;
    }

    /** Serves HTTPS only, with a new self-signed certificate for 127.0.0.1 ({@link #tls()} has its trust store). */
    public CioBackend withTls() {
        tls = Tls.create(work.resolve("tls"), "cio");
        return property("server.ssl.enabled", "true")
                .property("server.ssl.key-store", "file:" + tls.keystore())
                .property("server.ssl.key-store-password", tls.keystorePassword())
                .property("server.ssl.key-store-type", "PKCS12")
                .property("server.ssl.key-alias", tls.alias());
    }

    /** The certificate set-up when started {@link #withTls()}, else {@code null}. */
    public Tls tls() {
        return tls;
    }

    /** Sets a Spring property (a command line argument {@code --key=value}); takes effect at the next start. */
    public CioBackend property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public CioBackend start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("CIO already running");
        }
        Path jar = Path.of(System.getProperty("cio.jar", "target/cio/cio-backend.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no CIO backend jar at " + jar.toAbsolutePath()
                    + "; build with mvn -pl system-tests -am install -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar.toAbsolutePath().toString()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("cio-console.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cleanup == null) {
            cleanup = new Thread(this::killQuietly, "cio-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        awaitUp();
        return this;
    }

    private void awaitUp() {
        Http admin = admin();
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the CIO backend exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (admin.get("/api/v1/admin/stations").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Await.sleep(200);
        }
        throw new IllegalStateException("the CIO backend did not answer within " + STARTUP + ":\n" + logTail());
    }

    /** Stops the CIO like an operator would (SIGTERM: Spring shuts down and stops its PostgreSQL). */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                killQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killQuietly();
        }
        stopOrphanedPostgres();
        process = null;
    }

    /**
     * Kills the CIO process (SIGKILL, no shutdown of any kind). Its PostgreSQL runs as a detached process and would
     * survive; it is stopped as well, so the next {@link #start()} finds the data directory free.
     */
    public void kill() {
        killQuietly();
        process = null;
    }

    private void killQuietly() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopOrphanedPostgres();
    }

    private void stopOrphanedPostgres() {
        Optional<ProcessHandle> postmaster = postmaster();
        postmaster.ifPresent(p -> {
            p.destroy(); // SIGTERM: PostgreSQL's smart shutdown; the dead CIO's connections are gone already
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = work.resolve("postgres/postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            cleanup = null;
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    public Path work() {
        return work;
    }

    /** A client with the bootstrap operator account. */
    public Http admin() {
        return new Http(baseUrl(), ADMIN, ADMIN_PASSWORD, tls);
    }

    public Http as(String user, String password) {
        return new Http(baseUrl(), user, password, tls);
    }

    /** The last lines of the CIO's console output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("cio-console.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
