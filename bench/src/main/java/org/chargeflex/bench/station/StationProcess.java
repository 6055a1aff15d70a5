package org.chargeflex.bench.station;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A station firmware process started by the distribution's {@code bin/chargeflex-station} in a home folder, as a
 * device runs it: the script's JVM options and class data sharing, {@code MALLOC_ARENA_MAX=2}, the JDK running the
 * bench. The HTTP port is handed over in {@code JAVA_TOOL_OPTIONS}.
 */
final class StationProcess implements AutoCloseable {
    /** USER_HZ of Linux on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    final Path home;
    final int port;
    final Process process;

    private StationProcess(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * Installs {@code dist}: copies its bin, bundle, conf and lib folders (with their file attributes) to a new
     * temporary home and writes a users file holding a bearer token. With {@code prepareClassSharing}, it then runs
     * the installation step of {@code bin/install-station} and the Debian package that makes the class data sharing
     * archive ({@code bin/chargeflex-station --prepare-class-sharing}), so that the first start maps it; without, the
     * first start runs without one and writes it at its exit (as after a JDK update).
     */
    static Path install(Path dist, String token, boolean prepareClassSharing) throws IOException,
            InterruptedException {
        Path home = Files.createTempDirectory("station-bench");
        for (String dir : List.of("bin", "bundle", "conf", "lib")) {
            copyTree(dist.resolve(dir), home.resolve(dir));
        }
        Files.writeString(home.resolve("conf/users.json"),
                "{\"users\":[],\"tokens\":[{\"name\":\"bench\",\"sha256\":\"" + sha256(token)
                        + "\",\"roles\":[\"read\",\"write\"]}]}");
        if (prepareClassSharing) {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/chargeflex-station").toString(),
                    "--prepare-class-sharing");
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("STATION_JAVA_OPTS");
            pb.environment().remove("STATION_CDS");
            Process p = pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("install.log").toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("--prepare-class-sharing failed; see " + home.resolve("install.log"));
            }
        }
        return home;
    }

    /**
     * Starts the station of an installed home with an empty framework cache.
     *
     * @param jvmOptions replaces the script's default JVM options (STATION_JAVA_OPTS), or null for the defaults
     */
    static StationProcess start(Path home, String jvmOptions) throws IOException {
        deleteTree(home.resolve("data/felix-cache"));
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/chargeflex-station").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dorg.osgi.service.http.port=" + port);
        pb.environment().remove("STATION_JAVA_OPTS");
        pb.environment().remove("STATION_CDS");
        if (jvmOptions != null) {
            pb.environment().put("STATION_JAVA_OPTS", jvmOptions);
        }
        Process p = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start();
        return new StationProcess(home, port, p);
    }

    /** Deletes an installed home. */
    static void uninstall(Path home) throws IOException {
        deleteTree(home);
    }

    /** CPU time (user + system) the JVM has used so far in ms, from /proc; -1 where /proc is not there. */
    long cpuMillis() throws IOException {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!Files.exists(stat)) {
            return -1;
        }
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** Resident set size of the JVM in KiB (VmRSS), or -1 where /proc is not there. */
    long rssKib() throws IOException {
        return procStatus("VmRSS:");
    }

    /** Peak resident set size in KiB (VmHWM). */
    long peakRssKib() throws IOException {
        return procStatus("VmHWM:");
    }

    private long procStatus(String key) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
