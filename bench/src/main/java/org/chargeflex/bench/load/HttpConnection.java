package org.chargeflex.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 client connection on a blocking socket, for a load generator that must cost little CPU:
 * {@link #exchange} writes a request's raw bytes and reads the whole answer itself (status line, headers, then a body
 * framed by {@code Transfer-Encoding: chunked}, by {@code Content-Length}, or, with neither, by the end of the
 * connection; none after 1xx, 204 and 304). Interim 1xx answers are skipped. Not thread-safe: one thread per
 * connection.
 *
 * <p>Error contract: {@link #exchange} throws {@link IOException} when no complete answer arrived (connection refused,
 * closed or timed out, a malformed answer); the connection is then unusable and must be {@link #close closed}. After
 * an answer, {@link #closing()} tells whether the server ends the connection ({@code Connection: close}, HTTP/1.0
 * without keep-alive, or a body framed by the end of the connection): open a new one for the next request.
 */
public final class HttpConnection implements Closeable {
    /** Longest status line plus headers accepted. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Largest body accepted (a guard against a garbled length). */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private byte[] body = new byte[4096];
    private int bodyLength;
    private boolean closing;

    /** Connects to {@code host:port}; {@code readTimeoutMillis} bounds each wait for answer bytes. */
    public HttpConnection(String host, int port, int connectTimeoutMillis, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the request (complete raw bytes) and reads the whole answer; returns its status. */
    public int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        bodyLength = 0;
        String head;
        int status;
        do {
            head = readHeader();
            status = status(head);
        } while (status >= 100 && status < 200 && status != 101);
        boolean http10 = head.startsWith("HTTP/1.0");
        long contentLength = -1;
        boolean chunked = false;
        String connection = "";
        int lineStart = head.indexOf("\r\n") + 2;
        while (lineStart < head.length() - 2) {
            int lineEnd = head.indexOf("\r\n", lineStart);
            int colon = head.indexOf(':', lineStart);
            if (colon > lineStart && colon < lineEnd) {
                String value = head.substring(colon + 1, lineEnd).trim();
                if (is(head, lineStart, colon, "Content-Length")) {
                    contentLength = parseLength(value);
                } else if (is(head, lineStart, colon, "Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                } else if (is(head, lineStart, colon, "Connection")) {
                    connection = value.toLowerCase(Locale.ROOT);
                }
            }
            lineStart = lineEnd + 2;
        }
        closing = connection.contains("close") || (http10 && !connection.contains("keep-alive"));
        if (status == 204 || status == 304 || status < 200) {
            return status;
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readBody(contentLength);
        } else {
            readToEnd();
            closing = true;
        }
        return status;
    }

    /** Whether the server ends this connection after the last answer. */
    public boolean closing() {
        return closing;
    }

    /** The body of the last answer (UTF-8), e.g. for an error message; empty if it had none. */
    public String lastBody() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing is lost: the connection is given up either way, and its failure was recorded by the caller
        }
    }

    private static boolean is(String head, int start, int colon, String name) {
        return colon - start == name.length() && head.regionMatches(true, start, name, 0, name.length());
    }

    private static int status(String head) throws IOException {
        if (!head.startsWith("HTTP/1.") || head.length() < 12 || head.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x answer: " + head.lines().findFirst().orElse(""));
        }
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("no status in " + head.lines().findFirst().orElse(""), e);
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + value, e);
        }
    }

    /** Reads up to and including the blank line after the headers. */
    private String readHeader() throws IOException {
        int n = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                throw new IOException(n == 0 ? "connection closed before the answer"
                        : "connection closed in the answer header");
            }
            if (n == header.length) {
                throw new IOException("answer header longer than " + header.length + " bytes");
            }
            header[n++] = (byte) b;
            if (n >= 4 && b == '\n' && header[n - 2] == '\r' && header[n - 3] == '\n' && header[n - 4] == '\r') {
                return new String(header, 0, n, StandardCharsets.ISO_8859_1);
            }
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            String line = readLine();
            int semicolon = line.indexOf(';');
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: " + line, e);
            }
            if (size < 0) {
                throw new IOException("bad chunk size line: " + line);
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not needed
                }
                return;
            }
            readBody(size);
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** Appends exactly {@code length} bytes to the body. */
    private void readBody(long length) throws IOException {
        ensureBody(length);
        int remaining = (int) length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                throw new IOException("connection closed " + remaining + " bytes before the end of the body");
            }
            int n = Math.min(remaining, limit - position);
            System.arraycopy(buffer, position, body, bodyLength, n);
            position += n;
            bodyLength += n;
            remaining -= n;
        }
    }

    private void readToEnd() throws IOException {
        while (position < limit || fill()) {
            int n = limit - position;
            ensureBody(n);
            System.arraycopy(buffer, position, body, bodyLength, n);
            bodyLength += n;
            position = limit;
        }
    }

    private void ensureBody(long more) throws IOException {
        long needed = bodyLength + more;
        if (needed > MAX_BODY_BYTES) {
            throw new IOException("answer body over " + MAX_BODY_BYTES + " bytes");
        }
        if (needed > body.length) {
            byte[] bigger = new byte[(int) Math.min(MAX_BODY_BYTES, Math.max(needed, 2L * body.length))];
            System.arraycopy(body, 0, bigger, 0, bodyLength);
            body = bigger;
        }
    }

    /** A line ending in CRLF (or LF), without it. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            int b = read();
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() == MAX_CHUNK_LINE) {
                throw new IOException("chunk line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Reads more bytes into the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
