package org.chargeflex.bench.cio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the CIO from {@code /proc/<pid>/stat} (utime + stime): its JVM, and the embedded PostgreSQL (the
 * postmaster is started through {@code pg_ctl}, so it is not a child of the JVM: it is found by its data directory on
 * its command line, and its backends are its children). Sampled once a second while a run lasts, so backends that
 * come and go are counted too. Also the load generator's own CPU (this JVM) and the whole machine's busy share
 * ({@code /proc/stat}), since generator and server share the same cores, and the part of the CIO JVM's time that its
 * JIT compiler threads took ({@code /proc/<pid>/task/<tid>/stat} of the threads named "C1/C2 CompilerThread"): not
 * yet a steady state while that is large (a closed loop right after an open one still compiled for a quarter of the
 * JVM's time, bench/RESULTS.md, issue 5).
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    private final ProcessHandle jvm;
    private final String dataDirectory;
    private final Map<Long, long[]> jvmTicks = new HashMap<>(); // pid -> {first, last}
    private final Map<Long, long[]> postgresTicks = new HashMap<>();
    private final Map<Long, long[]> jitTicks = new HashMap<>(); // tid of a compiler thread of the CIO JVM
    private volatile boolean running;
    private Thread sampler;
    private long startNanos;
    private long selfStart;
    private long[] machineStart;

    CpuMeter(ProcessHandle jvm, String dataDirectory) {
        this.jvm = jvm;
        this.dataDirectory = dataDirectory;
    }

    /** CPU used over a run, in core-seconds, and the run's length. */
    record Usage(double seconds, double cioJvm, double postgres, double generator, double machineBusyShare,
            double jit) {
        double cio() {
            return cioJvm + postgres;
        }

        /** Percent of {@code cores} cores. */
        static double percent(double coreSeconds, double seconds, int cores) {
            return 100.0 * coreSeconds / seconds / cores;
        }

        String describe(int cores) {
            return String.format(java.util.Locale.ROOT,
                    "CIO CPU %.0f%% of %d cores (JVM %.0f%%, of which JIT compiler %.0f%%; PostgreSQL %.0f%%), generator"
                            + " %.0f%%, machine busy %.0f%%", percent(cio(), seconds, cores), cores,
                    percent(cioJvm, seconds, cores), percent(jit, seconds, cores), percent(postgres, seconds, cores),
                    percent(generator, seconds, cores), 100 * machineBusyShare);
        }

        /** CPU per request of the CIO (JVM + PostgreSQL) and of the generator (this JVM), {@code requests} sent. */
        String perRequest(int requests) {
            return String.format(java.util.Locale.ROOT, "CPU per request (%d sent): CIO %.2f ms, generator %.2f ms",
                    requests, 1000 * cio() / requests, 1000 * generator / requests);
        }
    }

    void start() {
        jvmTicks.clear();
        postgresTicks.clear();
        jitTicks.clear();
        startNanos = System.nanoTime();
        selfStart = ticks(ProcessHandle.current().pid());
        machineStart = machine();
        sample(true);
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                sample(false);
            }
        }, "cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    Usage stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample(false);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machineEnd = machine();
        double busy = machineEnd[0] - machineStart[0] == 0 ? Double.NaN
                : 1.0 - (double) (machineEnd[1] - machineStart[1]) / (machineEnd[0] - machineStart[0]);
        return new Usage(seconds, used(jvmTicks), used(postgresTicks),
                (ticks(ProcessHandle.current().pid()) - selfStart) / TICKS_PER_SECOND, busy, used(jitTicks));
    }

    private synchronized void sample(boolean baseline) {
        record(jvm.pid(), jvmTicks, true);
        compilerThreads(jvm.pid()).forEach((tid, t) -> {
            long[] v = jitTicks.computeIfAbsent(tid, k -> new long[] {baseline ? t : 0, t});
            v[1] = Math.max(v[1], t);
        });
        jvm.descendants().forEach(p -> record(p.pid(), jvmTicks, baseline));
        Set<Long> postgres = new HashSet<>();
        for (long pid : postmasters()) {
            if (jvmTicks.containsKey(pid)) {
                continue;
            }
            postgres.add(pid);
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> postgres.add(d.pid())));
        }
        postgres.forEach(pid -> record(pid, postgresTicks, baseline));
    }

    private static void record(long pid, Map<Long, long[]> map, boolean baseline) {
        long t = ticks(pid);
        if (t < 0) {
            return;
        }
        // a process first seen after the first sample started during the run: count all its time
        long[] v = map.computeIfAbsent(pid, k -> new long[] {baseline ? t : 0, t});
        v[1] = Math.max(v[1], t);
    }

    private static double used(Map<Long, long[]> map) {
        return map.values().stream().mapToLong(v -> v[1] - v[0]).sum() / TICKS_PER_SECOND;
    }

    private Set<Long> postmasters() {
        Set<Long> found = new HashSet<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String argv0 = cmd.split("\0", 2)[0];
                    // the postmaster: ".../bin/postgres -D <data directory> ..." (not the JVM, whose options name it too)
                    if (argv0.endsWith("postgres") && cmd.contains(dataDirectory)) {
                        found.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list /proc", e);
        }
        return found;
    }

    /** utime + stime of a process in clock ticks, or -1 if it is gone. */
    static long ticks(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** utime + stime in clock ticks from a {@code stat} file of a process or thread, or -1 if it is gone. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after the command: state(3) ppid ... utime is field 14, stime field 15 (1-based), i.e. f[11], f[12]
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The JIT compiler threads of a JVM ("C1 CompilerThre", "C2 CompilerThre" in {@code comm}) and their ticks. */
    private static Map<Long, Long> compilerThreads(long pid) {
        Map<Long, Long> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        long t = ticks(task.resolve("stat"));
                        if (t >= 0) {
                            threads.put(Long.parseLong(task.getFileName().toString()), t);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked (compiler threads come and go with the queue)
                }
            }
        } catch (IOException e) {
            // the process is gone: nothing to count
        }
        return threads;
    }

    /** {total, idle} jiffies of the machine. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
