package org.chargeflex.m3b.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.chargeflex.m3b.protocol.Frame;
import org.chargeflex.m3b.protocol.FrameDecoder;
import org.chargeflex.m3b.protocol.M3bCodec;
import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's serial line as a TCP server (the ser2net pattern): one host at a time; a new connection replaces the
 * previous one, as a new process opening the serial port would. Requests are answered on the reader thread; events
 * are sent from whichever thread raises them.
 */
final class BoardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardServer.class);
    private final ServerSocket server;
    private final Board board;
    private final LineFaults faults;
    private final LongSupplier clock;
    private final AtomicInteger eventSequence = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Object sendLock = new Object();
    private volatile Socket client;
    private volatile boolean closed;
    private final Thread acceptor;

    BoardServer(InetAddress bind, int port, Board board, LineFaults faults, LongSupplier clock) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port));
        this.board = board;
        this.faults = faults;
        this.clock = clock;
        this.acceptor = new Thread(this::acceptLoop, "m3b-sim-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connectionCount() {
        return connections.get();
    }

    boolean hostConnected() {
        Socket c = client;
        return c != null && !c.isClosed();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                s.setSoTimeout(100);
                disconnectHost();
                client = s;
                connections.incrementAndGet();
                Thread reader = new Thread(() -> serve(s), "m3b-sim-line-" + connections.get());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("simulator: accept failed", e);
                }
            }
        }
    }

    private void serve(Socket s) {
        FrameDecoder decoder = new FrameDecoder(f -> onFrame(s, f));
        byte[] buf = new byte[512];
        try (InputStream in = s.getInputStream()) {
            while (!closed && !s.isClosed()) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    decoder.feed(buf, 0, n);
                } catch (SocketTimeoutException idle) {
                    decoder.flushStale();
                }
            }
        } catch (SocketException e) {
            LOG.debug("simulator: host connection closed: {}", e.getMessage());
        } catch (IOException e) {
            LOG.info("simulator: host connection failed", e);
        } finally {
            closeQuietly(s);
        }
    }

    private void onFrame(Socket s, Frame frame) {
        long now = clock.getAsLong();
        if (!faults.hostIsHeard(now)) {
            return;
        }
        Message response;
        try {
            Message request = M3bCodec.decode(frame);
            if (request.type().kind() != MessageType.Kind.REQUEST) {
                LOG.debug("simulator: ignoring {} from the host", request.type());
                return;
            }
            response = board.handle(request, now);
        } catch (MalformedMessageException e) {
            LOG.info("simulator: malformed request dropped: {}", e.getMessage());
            return;
        }
        send(s, frame.sequence(), response);
    }

    /** Sends an event to the connected host, if any. */
    void event(Message event) {
        Socket s = client;
        if (s != null) {
            send(s, eventSequence.getAndIncrement() & 0xFF, event);
        }
    }

    private void send(Socket s, int sequence, Message m) {
        byte[] bytes = faults.outgoing(M3bCodec.encode(sequence, m));
        if (bytes == null) {
            return;
        }
        synchronized (sendLock) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                LOG.debug("simulator: send to host failed: {}", e.getMessage());
                closeQuietly(s);
            }
        }
    }

    /** Drops the host's connection, as a pulled cable or a crashed ser2net would. */
    void disconnectHost() {
        Socket s = client;
        client = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("simulator: closing a host socket failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        disconnectHost();
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("simulator: closing the server socket failed: {}", e.getMessage());
        }
    }
}
