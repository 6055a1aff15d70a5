package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflex.station.itest.TestStation.awaitTrue;
import static org.chargeflex.station.itest.TestStation.basic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built tarball unpacked and installed with bin/install-station into a temporary root, then started the way the
 * systemd unit starts it: the unit's ExecStart script, with the installed home.
 */
class TarballInstallIT {
    static final String PASSWORD = "install-it-secret-2468";

    @TempDir
    Path tmp;

    @Test
    void installsTheTarballAndStartsTheFirmwareFromTheInstalledLayout() throws Exception {
        Path tarball = Paths.get(System.getProperty("station.tarball"));
        assertThat(tarball).isRegularFile();
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        Path root = Files.createDirectories(tmp.resolve("root"));

        run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), null, tmp.resolve("tar.out"));
        Path dist = unpacked.resolve("chargeflex-station");
        String installOut = run(List.of(dist.resolve("bin/install-station").toString(), "--root", root.toString()),
                null, tmp.resolve("install.out"));
        assertThat(installOut).contains("no default password").contains("bin/station-users add");

        // layout
        Path unit = root.resolve("etc/systemd/system/chargeflex-station.service");
        assertThat(unit).isRegularFile();
        assertThat(root.resolve("etc/chargeflex-station/framework.properties")).isRegularFile();
        assertThat(root.resolve("opt/chargeflex-station/lib/org.chargeflex.station.launcher.jar")).isRegularFile();
        Path home = root.resolve("var/lib/chargeflex-station");
        assertThat(home.resolve("conf/framework.properties")).isRegularFile();
        assertThat(home.resolve("bundle")).isDirectory();
        for (String link : List.of("bin", "bundle", "lib", "conf")) {
            assertThat(Files.isSymbolicLink(home.resolve(link))).as(link).isTrue();
        }
        for (String dir : List.of("data", "log")) {
            assertThat(home.resolve(dir)).isDirectory();
            assertThat(Files.isSymbolicLink(home.resolve(dir))).as(dir).isFalse();
        }
        assertThat(home.resolve("conf/users.json")).doesNotExist();

        List<String> unitLines = Files.readAllLines(unit);
        String execStart = unitLines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow().substring("ExecStart=".length()).trim();
        assertThat(unitLines).contains("User=chargeflex", "Type=simple", "Restart=on-failure",
                "Environment=MALLOC_ARENA_MAX=2", "WorkingDirectory=/var/lib/chargeflex-station");
        Path script = root.resolve(execStart.substring(1));
        assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();

        // a second install keeps the operator's configuration
        Files.writeString(root.resolve("etc/chargeflex-station/framework.properties"), "# operator's edit\n",
                StandardOpenOption.APPEND);
        run(List.of(dist.resolve("bin/install-station").toString(), "--root", root.toString()), null,
                tmp.resolve("install2.out"));
        assertThat(Files.readString(root.resolve("etc/chargeflex-station/framework.properties")))
                .endsWith("# operator's edit\n");

        // first start: a user, created with the installed station-users (password on stdin)
        run(List.of(home.resolve("bin/station-users").toString(), "add", "installer", "--roles", "admin"),
                PASSWORD + "\n", tmp.resolve("users.out"));
        assertThat(root.resolve("etc/chargeflex-station/users.json")).isRegularFile();

        int port = TestStation.freePort();
        ProcessBuilder pb = new ProcessBuilder(script.toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("station.out").toFile());
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.environment().put("STATION_JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                + "-Dorg.osgi.service.http.port=" + port);
        Process station = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI channels = URI.create("http://127.0.0.1:" + port + "/rest/channels");
            try {
                awaitTrue("GET /rest/channels = 200", Duration.ofSeconds(40), () -> {
                    if (!station.isAlive()) {
                        throw new AssertionError("the station exited with " + station.exitValue());
                    }
                    return status(http, channels, basic("installer", PASSWORD)) == 200;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + tail(tmp.resolve("station.out")), e);
            }
            assertThat(status(http, channels, null)).isEqualTo(401);
            assertThat(status(http, channels, basic("installer", "wrong-password-1234"))).isEqualTo(401);
            assertThat(home.resolve("data/felix-cache")).isDirectory();
            assertThat(home.resolve("log/station.log")).isRegularFile();
        } finally {
            station.destroy();
            if (!station.waitFor(20, TimeUnit.SECONDS)) {
                station.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int status(HttpClient http, URI uri, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to completion (30 s at most), fails on a non-zero exit; returns its output. */
    private static String run(List<String> command, String stdin, Path output) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 30 s\n" + tail(output));
        }
        String out = Files.readString(output);
        assertThat(p.exitValue()).as(command + "\n" + out).isZero();
        return out;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
