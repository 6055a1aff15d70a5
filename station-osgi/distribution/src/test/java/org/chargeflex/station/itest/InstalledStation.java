package org.chargeflex.station.itest;

import static org.chargeflex.station.itest.InstallCommands.tail;
import static org.chargeflex.station.itest.TestStation.awaitTrue;
import static org.chargeflex.station.itest.TestStation.basic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The firmware of an installed layout (tarball or Debian package in a temporary root), started the way the systemd
 * unit starts it: the unit's ExecStart script with its default JVM options, in the installed home, on a free port.
 */
final class InstalledStation implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final URI channels;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private InstalledStation(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.channels = URI.create("http://127.0.0.1:" + port + "/rest/channels");
    }

    /** Starts {@code script} in {@code home}; console output goes to {@code output}. */
    static InstalledStation start(Path script, Path home, Path output) throws IOException {
        int port = TestStation.freePort();
        ProcessBuilder pb = new ProcessBuilder(script.toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        // the script's own JVM options and class data sharing, as under systemd; only the port is added
        pb.environment().remove("STATION_JAVA_OPTS");
        pb.environment().remove("STATION_CDS");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dorg.osgi.service.http.port=" + port);
        return new InstalledStation(pb.start(), output, port);
    }

    /** Waits until {@code GET /rest/channels} answers 200 for the user; fails with the console's tail otherwise. */
    void awaitRest(String user, String password) throws InterruptedException {
        try {
            awaitTrue("GET /rest/channels = 200", Duration.ofSeconds(40), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the station exited with " + process.exitValue());
                }
                return status(basic(user, password)) == 200;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(output), e);
        }
    }

    /** The status of {@code GET /rest/channels} with this {@code Authorization} header (none if null). */
    int status(String authorization) {
        return InstallCommands.status(http, channels, authorization);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
