package org.chargeflex.bench.station;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A station firmware process started from a fresh copy of the built distribution, as a device would run it. */
final class StationProcess implements AutoCloseable {
    final Path home;
    final int port;
    final Process process;

    private StationProcess(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /** Copies {@code dist} to a temporary home with a users file holding a bearer token, then starts it. */
    static StationProcess start(Path dist, String token, List<String> jvmOptions) throws IOException {
        Path home = Files.createTempDirectory("station-bench");
        for (String dir : List.of("bundle", "conf", "lib")) {
            copyTree(dist.resolve(dir), home.resolve(dir));
        }
        Files.writeString(home.resolve("conf/users.json"),
                "{\"users\":[],\"tokens\":[{\"name\":\"bench\",\"sha256\":\"" + sha256(token)
                        + "\",\"roles\":[\"read\",\"write\"]}]}");
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dchargeflex.home=" + home);
        cmd.add("-Dorg.osgi.service.http.port=" + port);
        cmd.add("-jar");
        cmd.add(home.resolve("lib/org.chargeflex.station.launcher.jar").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as bin/chargeflex-station sets it
        Process p = pb.redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        return new StationProcess(home, port, p);
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
        try (Stream<Path> files = Files.walk(home)) {
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
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
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
