package org.chargeflex.bench.cio;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CIO backend as a child process from its built jar: embedded PostgreSQL with its data in a fresh temporary
 * folder (also the working directory), a known bootstrap admin password, a random secrets key and a free port.
 */
final class CioProcess implements AutoCloseable {
    final Path home;
    final int port;
    final Process process;
    final String adminPassword;

    private CioProcess(Path home, int port, Process process, String adminPassword) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.adminPassword = adminPassword;
    }

    static CioProcess start(Path jar, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no CIO backend jar at " + jar.toAbsolutePath()
                    + " (build it: mvn -q -DskipTests -pl cio-backend -am install)");
        }
        Path home = Files.createTempDirectory("cio-bench");
        // run a copy: a rebuild of the jar during the run (others build in this tree) must not pull classes away
        Path copy = home.resolve("cio-backend.jar");
        Files.copy(jar, copy);
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        byte[] pw = new byte[18];
        random.nextBytes(pw);
        String adminPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(pw);
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(copy.toString());
        cmd.add("--server.port=" + port);
        cmd.add("--cio.embedded-postgres.data-directory=" + home.resolve("postgres"));
        cmd.add("--cio.bootstrap.admin-password=" + adminPassword);
        cmd.add("--cio.secrets.key=" + Base64.getEncoder().encodeToString(key));
        cmd.add("--spring.main.banner-mode=off");
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        // Ctrl-C on the bench must not leave the server (and its PostgreSQL) running
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "stop-cio"));
        return new CioProcess(home, port, p, adminPassword);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until the admin API answers 200 with the admin's credentials; returns the time it took from now. */
    void awaitReady(HttpClient client, String adminAuthorization, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri("/api/v1/admin/grid-connection-points"))
                .header("Authorization", adminAuthorization).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the CIO backend exited with " + process.exitValue() + "; see "
                        + home.resolve("console.log"));
            }
            try {
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the CIO backend did not answer 200 within " + timeout + " (last status " + last
                + "); see " + home.resolve("console.log"));
    }

    /** The process tree to measure: the JVM and its descendants (PostgreSQL's postmaster and backends). */
    CpuMeter cpuMeter() {
        return new CpuMeter(process.toHandle(), home.resolve("postgres").toString());
    }

    @Override
    public void close() throws IOException {
        process.destroy(); // SIGTERM: Spring closes the context, which stops the embedded PostgreSQL
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (Boolean.getBoolean("cio.bench.keep")) {
            System.out.println("kept " + home);
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
