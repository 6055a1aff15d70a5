package org.chargeflex.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Load with a small footprint, for a server that shares the machine's cores with its load: the same schedules and
 * measurements as {@link OpenLoopLoad} and {@link ClosedLoopLoad}, but each connection is a thread with a blocking
 * socket ({@link HttpConnection}) that writes the request's raw bytes and reads the answer itself, instead of the
 * JDK's HttpClient with its selector thread, executor hand-offs and futures, which cost about 1 ms of CPU per request
 * on the bench machine.
 *
 * <p>Open loop: request {@code i} is due at {@code start + i / rate}; its latency runs from the moment it was due, so
 * a stalled server or a late worker shows up in the percentiles; {@code connections} keep-alive connections, a request
 * waits when all of them are busy. Closed loop: {@code clients} connections send back to back; latency from the send.
 *
 * <p>Request {@code i} is {@code requests.apply(i)}, complete raw HTTP/1.1 bytes (see {@link RawRequest#bytes}); it is
 * called from the connection threads, so it must be thread-safe, and cheap (prepare the bytes ahead where the schedule
 * allows). Every request gets its status, or -1 when no complete answer arrived (the connection is then opened again
 * for the next request, as it is after an answer with {@code Connection: close}); the first answer of 400 or more, or
 * the first exception, is kept as {@link LoadResult#firstFailure()} with its request line and answer body.
 */
public final class SocketLoad {
    private static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_FAILURE_BODY = 300;

    private SocketLoad() {
    }

    /**
     * {@code ratePerSecond * seconds} GETs of {@code path} on {@code 127.0.0.1:port} with the given
     * {@code Authorization} header, open loop.
     */
    public static LoadResult get(int port, String path, String authorization, int ratePerSecond, int seconds,
            int connections) throws InterruptedException {
        byte[] request = new RawRequest("GET", path, Map.of("Authorization", authorization, "Accept",
                "application/json"), null).bytes(HOST + ":" + port);
        return openLoop(port, i -> request, ratePerSecond * seconds, ratePerSecond, connections);
    }

    /** Requests {@code 0 .. total-1} to {@code 127.0.0.1:port} at {@code ratePerSecond}, open loop. */
    public static LoadResult openLoop(int port, IntFunction<byte[]> requests, int total, double ratePerSecond,
            int connections) throws InterruptedException {
        Results results = new Results(total);
        AtomicInteger next = new AtomicInteger();
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50); // the threads are up by then
        runThreads("socket-open-loop-", connections, () -> {
            Sender sender = new Sender(port, results);
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                byte[] request = requests.apply(i);
                long due = start + (long) (i * intervalNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sender.send(i, request, due);
            }
            sender.close();
        });
        return results.result(total, (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code clients} connections to {@code 127.0.0.1:port} send requests back to back, each as soon as its previous
     * answer arrived, for {@code durationSeconds}; at most {@code capacity} requests.
     */
    public static LoadResult closedLoop(int port, IntFunction<byte[]> requests, int clients, double durationSeconds,
            int capacity) throws InterruptedException {
        Results results = new Results(capacity);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + (long) (durationSeconds * 1e9);
        runThreads("socket-closed-loop-", clients, () -> {
            Sender sender = new Sender(port, results);
            while (System.nanoTime() < end) {
                int n = next.getAndIncrement();
                if (n >= capacity) {
                    break;
                }
                byte[] request = requests.apply(n);
                sender.send(n, request, System.nanoTime());
            }
            sender.close();
        });
        return results.result(Math.min(next.get(), capacity), (System.nanoTime() - start) / 1e9);
    }

    private static void runThreads(String name, int count, Runnable work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Thread t = new Thread(work, name + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** One thread's connection, opened on first use and again after a failure or {@code Connection: close}. */
    private static final class Sender {
        private final int port;
        private final Results results;
        private HttpConnection connection;

        Sender(int port, Results results) {
            this.port = port;
            this.results = results;
        }

        void send(int n, byte[] request, long startNanos) {
            int status = -1;
            try {
                if (connection == null) {
                    connection = new HttpConnection(HOST, port, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS);
                }
                status = connection.exchange(request);
                if (status >= 400) {
                    String body = connection.lastBody();
                    results.fail(requestLine(request) + " -> " + status + " "
                            + body.substring(0, Math.min(body.length(), MAX_FAILURE_BODY)));
                }
                if (connection.closing()) {
                    close();
                }
            } catch (IOException e) {
                results.fail(requestLine(request) + " -> " + e);
                close();
            } finally {
                results.record(n, status, System.nanoTime() - startNanos);
            }
        }

        void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }

        private static String requestLine(byte[] request) {
            int end = 0;
            while (end < request.length && end < 200 && request[end] != '\r') {
                end++;
            }
            return new String(request, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    /** Statuses and latencies, each index written by one thread; the threads' join makes them visible. */
    private static final class Results {
        private final int[] statuses;
        private final long[] latencies;
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        Results(int capacity) {
            statuses = new int[capacity];
            latencies = new long[capacity];
        }

        void record(int n, int status, long latencyNanos) {
            statuses[n] = status;
            latencies[n] = latencyNanos;
        }

        void fail(String failure) {
            firstFailure.compareAndSet(null, failure);
        }

        LoadResult result(int sent, double seconds) {
            return new LoadResult(sent, seconds, Arrays.copyOf(statuses, sent), Arrays.copyOf(latencies, sent),
                    firstFailure.get());
        }
    }
}
