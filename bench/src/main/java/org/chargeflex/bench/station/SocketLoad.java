package org.chargeflex.bench.station;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.chargeflex.bench.load.LoadResult;

/**
 * An open-loop GET load with a small footprint, for a server that shares the machine's cores with the load: the same
 * schedule and the same measurement as {@link org.chargeflex.bench.load.OpenLoopLoad} (request {@code i} is due at
 * {@code start + i / rate}; its latency runs from the moment it was due, so a stalled server or a late worker shows
 * up in the percentiles; {@code connections} keep-alive connections, a request waits when all of them are busy), but
 * each connection is a thread with a blocking socket that writes the request bytes and reads the answer (status line,
 * headers, a {@code Content-Length} body) itself, instead of the JDK's HttpClient with its selector thread, executor
 * hand-offs and futures, which cost about 1.2 ms of CPU per request on the bench machine - 2.5 times the station's own
 * cost per request, on the same two cores.
 *
 * <p>A request counts as ok with status 200 and a complete body; anything else is recorded as a failure with status
 * -1 (no answer, the connection is then opened again) or the status received.
 */
final class SocketLoad {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private SocketLoad() {
    }

    /**
     * {@code ratePerSecond * seconds} GETs of {@code path} on {@code 127.0.0.1:port} with the given {@code Authorization}
     * header.
     */
    static LoadResult run(int port, String path, String authorization, int ratePerSecond, int seconds,
            int connections) throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                + authorization + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int total = ratePerSecond * seconds;
        int[] statuses = new int[total];
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) / (double) ratePerSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> work(port, request, start, intervalNanos, total, next, statuses, latencies,
                    firstFailure), "socket-load-" + c);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new LoadResult(total, elapsed, statuses, latencies, firstFailure.get());
    }

    private static void work(int port, byte[] request, long start, double intervalNanos, int total,
            AtomicInteger next, int[] statuses, long[] latencies, AtomicReference<String> firstFailure) {
        Connection conn = null;
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int status = -1;
            try {
                if (conn == null) {
                    conn = new Connection(port);
                }
                status = conn.get(request);
                if (status != 200) {
                    firstFailure.compareAndSet(null, "status " + status);
                }
                if (conn.closing) {
                    conn.close();
                    conn = null;
                }
            } catch (IOException e) {
                firstFailure.compareAndSet(null, e.toString());
                if (conn != null) {
                    conn.close();
                    conn = null;
                }
            }
            statuses[i] = status;
            latencies[i] = System.nanoTime() - due;
        }
        if (conn != null) {
            conn.close();
        }
    }

    /** One keep-alive HTTP/1.1 connection. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] header = new byte[MAX_HEADER_BYTES];
        private byte[] body = new byte[4096];
        /** The last answer said {@code Connection: close}. */
        boolean closing;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** Sends the request and reads the whole answer; returns its status. */
        int get(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int n = readHeader();
            String head = new String(header, 0, n, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + head.lines().findFirst().orElse(""));
            }
            int status = Integer.parseInt(head.substring(9, 12));
            int length = contentLength(head);
            if (length < 0) {
                throw new IOException("answer without Content-Length: " + head.lines().findFirst().orElse(""));
            }
            if (body.length < length) {
                body = new byte[length];
            }
            int read = in.readNBytes(body, 0, length);
            if (read < length) {
                throw new IOException("connection closed after " + read + " of " + length + " body bytes");
            }
            closing = head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
            return status;
        }

        /** Reads up to and including the blank line after the headers; returns the header length. */
        private int readHeader() throws IOException {
            int n = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the answer");
                }
                if (n == header.length) {
                    throw new IOException("answer header longer than " + header.length + " bytes");
                }
                header[n++] = (byte) b;
                if (n >= 4 && header[n - 1] == '\n' && header[n - 2] == '\r' && header[n - 3] == '\n'
                        && header[n - 4] == '\r') {
                    return n;
                }
            }
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            return -1;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that failed anyway
            }
        }
    }
}
