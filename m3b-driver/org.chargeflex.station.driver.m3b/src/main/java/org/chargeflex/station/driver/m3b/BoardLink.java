package org.chargeflex.station.driver.m3b;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.m3b.protocol.Ack;
import org.chargeflex.m3b.protocol.AckStatus;
import org.chargeflex.m3b.protocol.BootEvent;
import org.chargeflex.m3b.protocol.Frame;
import org.chargeflex.m3b.protocol.FrameDecoder;
import org.chargeflex.m3b.protocol.Heartbeat;
import org.chargeflex.m3b.protocol.HeartbeatAck;
import org.chargeflex.m3b.protocol.Hello;
import org.chargeflex.m3b.protocol.HelloAck;
import org.chargeflex.m3b.protocol.M3bCodec;
import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MessageType;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.driver.m3b.LinkCounters.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session with one board over a transport: the version handshake, requests matched to responses by sequence
 * number with timeout and retries, the host heartbeat, and events handed to a sink. Once broken (peer closed, read
 * error, too many timeouts in a row, board reset, session lost) it stays broken: every call throws the same
 * {@link ConnectionException} and the sink hears about it once; the data manager then reconnects.
 */
final class BoardLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardLink.class);

    /** Receives the board's events and the news that the link broke; called on the link's threads. */
    interface Sink {
        void event(Message event);

        void broken(ConnectionException cause);
    }

    private final Transport transport;
    private final Timing timing;
    private final LinkCounters counters;
    private final FrameDecoder decoder = new FrameDecoder(this::onFrame);
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger consecutiveTimeouts = new AtomicInteger();
    private final ScheduledExecutorService executor;
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile Sink sink;
    private volatile ConnectionException broken;
    private volatile boolean closed;
    private volatile HelloAck session;
    private long lastCrcErrors;
    private int lastEventSequence = -1;

    private record Pending(MessageType request, CompletableFuture<Message> answer) {
        boolean answeredBy(Message m) {
            return switch (m.type()) {
                case ACK -> ((Ack) m).requestType() == request.code();
                case HELLO_ACK -> request == MessageType.HELLO;
                case HEARTBEAT_ACK -> request == MessageType.HEARTBEAT;
                case STATUS -> request == MessageType.GET_STATUS;
                case METER -> request == MessageType.GET_METER;
                default -> false;
            };
        }
    }

    private BoardLink(Transport transport, Timing timing, LinkCounters counters) {
        this.transport = transport;
        this.timing = timing;
        this.counters = counters;
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "m3b-link " + transport.describe());
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(this::readLoop, "m3b-reader " + transport.describe());
        reader.setDaemon(true);
    }

    /** Starts reading, performs the handshake and starts the heartbeat; closes the transport on failure. */
    static BoardLink open(Transport transport, Timing timing, LinkCounters counters) throws ConnectionException {
        BoardLink link = new BoardLink(transport, timing, counters);
        try {
            link.reader.start();
            link.handshake();
        } catch (ConnectionException e) {
            link.close();
            throw e;
        }
        link.executor.scheduleAtFixedRate(link::heartbeat, timing.heartbeatIntervalMillis(),
                timing.heartbeatIntervalMillis(), TimeUnit.MILLISECONDS);
        counters.increment(Counter.CONNECTS);
        return link;
    }

    private void handshake() throws ConnectionException {
        Hello hello = Hello.builder().heartbeatTimeoutMillis(timing.boardHeartbeatTimeoutMillis())
                .meterIntervalMillis(timing.meterIntervalMillis()).build();
        Message answer;
        try {
            answer = request(hello);
        } catch (RequestTimeoutException e) {
            throw new ConnectionException("m3b " + transport.describe() + ": no answer to the handshake", e);
        }
        if (answer instanceof HelloAck ack) {
            if (ack.versionMajor() != Hello.PROTOCOL_MAJOR) {
                throw new ConnectionException("m3b " + transport.describe() + ": board speaks protocol "
                        + ack.versionMajor() + "." + ack.versionMinor() + ", this driver " + Hello.PROTOCOL_MAJOR
                        + ".x");
            }
            session = ack;
            LOG.info("m3b: connected to {} ({}, {} outlet(s), boot id {})", transport.describe(), ack.firmware(),
                    ack.outletCount(), Long.toHexString(ack.bootId()));
            return;
        }
        throw new ConnectionException("m3b " + transport.describe() + ": board refused the handshake: " + answer);
    }

    HelloAck session() {
        return session;
    }

    String describe() {
        return transport.describe();
    }

    void setSink(Sink sink) {
        this.sink = sink;
    }

    /** Runs a task on the link's worker threads (never on the reader, which must keep reading answers). */
    void async(Runnable task) {
        if (!closed && broken == null) {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("m3b {}: background task failed", transport.describe(), e);
                }
            });
        }
    }

    /**
     * Sends a request and waits for its answer, retrying after a timeout.
     *
     * @throws RequestTimeoutException when no answer came after all retries (the link stays usable)
     * @throws ConnectionException when the link is or becomes broken
     */
    Message request(Message request) throws ConnectionException, RequestTimeoutException {
        for (int attempt = 0; attempt <= timing.retries(); attempt++) {
            checkUsable();
            if (attempt > 0) {
                counters.increment(Counter.RETRIES);
            }
            int seq = sequence.getAndIncrement() & 0xFF;
            Pending p = new Pending(request.type(), new CompletableFuture<>());
            pending.put(seq, p);
            try {
                send(seq, request);
                Message answer = p.answer().get(timing.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
                consecutiveTimeouts.set(0);
                if (answer instanceof Ack a && a.status() == AckStatus.NO_SESSION) {
                    throw markBroken("the board has no session for us (it reset or went safe)", null);
                }
                return answer;
            } catch (TimeoutException e) {
                LOG.debug("m3b {}: no answer to {} (attempt {})", transport.describe(), request.type(), attempt + 1);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ConnectionException ce ? ce
                        : markBroken("request failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionException("m3b " + transport.describe() + ": interrupted", e);
            } finally {
                pending.remove(seq);
            }
        }
        counters.increment(Counter.TIMEOUTS);
        if (consecutiveTimeouts.incrementAndGet() >= timing.maxConsecutiveTimeouts()) {
            throw markBroken(timing.maxConsecutiveTimeouts() + " request(s) in a row without an answer", null);
        }
        throw new RequestTimeoutException("m3b " + transport.describe() + ": no answer to " + request.type()
                + " after " + (timing.retries() + 1) + " attempt(s)");
    }

    private void send(int seq, Message m) throws ConnectionException {
        byte[] bytes = M3bCodec.encode(seq, m);
        synchronized (writeLock) {
            try {
                transport.write(bytes);
            } catch (IOException e) {
                throw markBroken("write failed: " + e.getMessage(), e);
            }
        }
        counters.increment(Counter.FRAMES_SENT);
    }

    /** Throws the link's ConnectionException once it is broken or closed. */
    void checkUsable() throws ConnectionException {
        ConnectionException b = broken;
        if (b != null) {
            throw b;
        }
        if (closed) {
            throw new ConnectionException("m3b " + transport.describe() + ": connection is closed");
        }
    }

    private void heartbeat() {
        try {
            Message answer = request(new Heartbeat());
            HelloAck s = session;
            if (answer instanceof HeartbeatAck ack && s != null && ack.bootId() != s.bootId()) {
                counters.increment(Counter.BOARD_RESETS);
                markBroken("the board restarted (boot id " + Long.toHexString(ack.bootId()) + ")", null);
            }
        } catch (RequestTimeoutException e) {
            LOG.debug("m3b {}: heartbeat unanswered", transport.describe());
        } catch (ConnectionException e) {
            LOG.debug("m3b {}: heartbeat on a broken link: {}", transport.describe(), e.getMessage());
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[1024];
        try {
            while (!closed && broken == null) {
                int n = transport.read(buffer);
                if (n < 0) {
                    markBroken("the board closed the link", null);
                    return;
                }
                if (n == 0) {
                    decoder.flushStale();
                } else {
                    decoder.feed(buffer, 0, n);
                }
                long crc = decoder.crcErrorCount();
                counters.add(Counter.CRC_ERRORS, crc - lastCrcErrors);
                lastCrcErrors = crc;
            }
        } catch (IOException e) {
            if (!closed) {
                markBroken("read failed: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            LOG.error("m3b {}: frame handling failed", transport.describe(), e);
            markBroken("internal error while reading", e);
        }
    }

    private void onFrame(Frame frame) {
        counters.increment(Counter.FRAMES_RECEIVED);
        Message m;
        try {
            m = M3bCodec.decode(frame);
        } catch (MalformedMessageException e) {
            counters.increment(Counter.MALFORMED_FRAMES);
            LOG.debug("m3b {}: dropped a malformed frame: {}", transport.describe(), e.getMessage());
            return;
        }
        switch (m.type().kind()) {
            case RESPONSE -> {
                Pending p = pending.get(frame.sequence());
                if (p != null && p.answeredBy(m)) {
                    p.answer().complete(m);
                } else {
                    LOG.debug("m3b {}: late or unexpected answer {} (seq {})", transport.describe(), m.type(),
                            frame.sequence());
                }
            }
            case EVENT -> onEvent(frame.sequence(), m);
            case REQUEST -> counters.increment(Counter.MALFORMED_FRAMES);
        }
    }

    private void onEvent(int seq, Message event) {
        if (lastEventSequence >= 0) {
            int gap = (seq - lastEventSequence - 1) & 0xFF;
            counters.add(Counter.DROPPED_EVENTS, gap);
        }
        lastEventSequence = seq;
        if (event instanceof BootEvent boot) {
            counters.increment(Counter.BOARD_RESETS);
            markBroken("the board restarted (" + boot.reason() + ")", null);
            return;
        }
        Sink s = sink;
        if (s != null) {
            try {
                s.event(event);
            } catch (RuntimeException e) {
                LOG.error("m3b {}: event handling failed for {}", transport.describe(), event, e);
            }
        }
    }

    /** Marks the link broken (once), fails waiting requests, closes the transport and tells the sink. */
    private ConnectionException markBroken(String reason, Throwable cause) {
        ConnectionException ce = new ConnectionException("m3b " + transport.describe() + ": " + reason, cause);
        synchronized (this) {
            if (broken != null) {
                return broken;
            }
            if (closed) {
                return new ConnectionException("m3b " + transport.describe() + ": connection is closed", cause);
            }
            broken = ce;
        }
        counters.increment(Counter.LINK_LOSSES);
        LOG.warn("m3b: link to {} broken: {}", transport.describe(), reason);
        pending.values().forEach(p -> p.answer().completeExceptionally(ce));
        executor.shutdown();
        transport.close();
        Sink s = sink;
        if (s != null) {
            try {
                s.broken(ce);
            } catch (RuntimeException e) {
                LOG.error("m3b {}: reporting the broken link failed", transport.describe(), e);
            }
        }
        return ce;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        executor.shutdownNow();
        transport.close();
        reader.interrupt();
        ConnectionException ce = new ConnectionException("m3b " + transport.describe() + ": connection is closed");
        pending.values().forEach(p -> p.answer().completeExceptionally(ce));
    }
}
