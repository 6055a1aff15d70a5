package org.chargeflex.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.chargeflex.station.launcher.StationFramework;

/**
 * One station firmware: a copy of the built distribution folder (system property {@code station.dist}) in its own
 * home folder on a fixed free port (kept across restarts), started either in-process with {@link StationFramework}
 * (the framework property {@code chargeflex.home} keeps several stations in one JVM apart) or as a child process with
 * the distribution's launcher jar (which can be killed like a power loss).
 *
 * <p>REST users: {@code operator} (read, write) for the tests and {@code cio} (read, write) for the CIO's outbound
 * access; both with random passwords, stored as PBKDF2 hashes in {@code conf/users.json} as the station expects.
 */
public final class StationInstance implements AutoCloseable {
    public static final String OPERATOR = "operator";
    public static final String CIO_USER = "cio";
    public static final String READER = "reader";

    private final Path home;
    private final int port = CioBackend.freePort();
    private final String operatorPassword = secret();
    private final String cioPassword = secret();
    private final String readerPassword = secret();
    private final Map<String, String> overrides = new HashMap<>();
    private final Path dist;
    private StationFramework framework;
    private Process process;
    private boolean childProcess;
    private Thread cleanup;

    private StationInstance(Path home, Path dist) {
        this.home = home;
        this.dist = dist;
    }

    /** Copies the distribution into {@code home} (created) and writes the users file; does not start it. */
    public static StationInstance prepare(Path home) throws IOException {
        Path dist = Path.of(System.getProperty("station.dist", "../station-osgi/distribution/target/chargeflex-station"));
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no station distribution at " + dist.toAbsolutePath()
                    + "; build with mvn -pl system-tests -am install -DskipTests");
        }
        Files.createDirectories(home);
        copyTree(dist.resolve("bundle"), home.resolve("bundle"));
        copyTree(dist.resolve("conf"), home.resolve("conf"));
        StationInstance s = new StationInstance(home.toAbsolutePath(), dist.toAbsolutePath());
        s.writeUsers();
        return s;
    }

    /** Fails unless the distribution's bundle/ folder has these jars (e.g. the M3B driver, the charging app). */
    public StationInstance requireBundles(String... jarNames) {
        for (String jar : jarNames) {
            if (!Files.isRegularFile(home.resolve("bundle").resolve(jar))) {
                throw new IllegalStateException("the station distribution has no bundle/" + jar
                        + "; rebuild it with mvn -pl system-tests -am install -DskipTests");
            }
        }
        return this;
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

    private void writeUsers() throws IOException {
        String users = """
                {"users":[
                  {"name":"%s","passwordHash":"%s","roles":["read","write"]},
                  {"name":"%s","passwordHash":"%s","roles":["read","write"]},
                  {"name":"%s","passwordHash":"%s","roles":["read"]}],
                 "tokens":[]}
                """.formatted(OPERATOR, hash(operatorPassword), CIO_USER, hash(cioPassword), READER, hash(readerPassword));
        Files.writeString(home.resolve("conf/users.json"), users);
    }

    /** Writes a file below the home folder (e.g. {@code conf/channels.json} or a {@code conf/*.cfg} configuration). */
    public StationInstance writeConf(String relative, String content) {
        try {
            Path file = home.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StationInstance override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Starts the firmware in this JVM and waits until its REST server answers. */
    public StationInstance start() {
        if (running()) {
            throw new IllegalStateException("station already running");
        }
        childProcess = false;
        overrides.put("org.osgi.service.http.port", Integer.toString(port));
        try {
            framework = StationFramework.start(home, overrides);
        } catch (Exception e) {
            throw new IllegalStateException("station " + home + " did not start", e);
        }
        return awaitRest();
    }

    /**
     * Starts the firmware as a child process the way {@code bin/chargeflex-station} does ({@code java -jar
     * lib/org.chargeflex.station.launcher.jar --home HOME}, with the distribution's lib/) and waits until its REST
     * server answers. Console output goes to {@code log/console.log}.
     */
    public StationInstance startProcess() {
        if (running()) {
            throw new IllegalStateException("station already running");
        }
        childProcess = true;
        List<String> command = new ArrayList<>(List.of(CioBackend.javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC",
                "-Dorg.osgi.service.http.port=" + port));
        overrides.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", dist.resolve("lib/org.chargeflex.station.launcher.jar").toString(),
                "--home", home.toString()));
        try {
            Files.createDirectories(home.resolve("log"));
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("log/console.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cleanup == null) { // a test JVM that dies must not leave stations behind
            cleanup = new Thread(() -> {
                Process p = process;
                if (p != null) {
                    p.destroyForcibly();
                }
            }, "station-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        return awaitRest();
    }

    private StationInstance awaitRest() {
        Await.until("station REST server on port " + port + " answers", Duration.ofSeconds(40), () -> {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("station process exited with " + process.exitValue());
            }
            return operator().get("/rest/channels").status() == 200;
        });
        return this;
    }

    /** Stops the firmware cleanly (in-process: the framework; child: SIGTERM, the launcher stops the framework). */
    public void stop() {
        if (framework != null) {
            framework.close();
            framework = null;
        }
        if (process != null) {
            process.destroy();
            waitForExit();
        }
    }

    /** Power loss: the child process is killed (SIGKILL) without any shutdown. */
    public void kill() {
        if (process == null) {
            throw new IllegalStateException("only a station started with startProcess() can be killed");
        }
        process.destroyForcibly();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops and starts again the same way (in-process or child process). */
    public StationInstance restart() {
        stop();
        return childProcess ? startProcess() : start();
    }

    public boolean running() {
        return framework != null || (process != null && process.isAlive());
    }

    @Override
    public void close() {
        stop();
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
            cleanup = null;
        }
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    /** The base URL the CIO stores as the station's REST address. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Http operator() {
        return new Http(restBaseUrl(), OPERATOR, operatorPassword);
    }

    public String cioPassword() {
        return cioPassword;
    }

    public String readerPassword() {
        return readerPassword;
    }

    /** A channel's value as JSON text read directly on the station ({@code ?fresh=true}: through the driver). */
    public String freshValue(String label) {
        Http.Response r = operator().get("/rest/channels/" + label + "?fresh=true");
        if (r.status() != 200) {
            throw new AssertionError("fresh read of " + label + " failed: " + r);
        }
        return r.json().at("/record/value").toString();
    }

    static String secret() {
        return "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
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
}
