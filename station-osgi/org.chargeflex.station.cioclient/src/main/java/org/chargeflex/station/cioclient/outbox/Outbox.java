package org.chargeflex.station.cioclient.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongFunction;
import org.chargeflex.station.cioclient.api.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, bounded outbox of the CIO client. Items get consecutive sequence numbers as they are appended; the
 * sequence number is never given out twice, also across restarts (it continues after the highest one in the segment
 * files or in the state file). Items are read back in order and confirmed with {@link #acknowledge(long)}, which moves
 * the delivered mark on and deletes segment files that hold only confirmed items.
 *
 * <p>Bounded: while {@code maxPending} items are pending, droppable items (intermediate meter samples) are dropped
 * and counted; other items (session records, first and last meter samples of a session) are always written.
 *
 * <p>Thread-safe: every method is synchronized; appends come from the application, reads and acknowledgements from
 * the sender thread.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final String REJECTED_FILE = "rejected.jsonl";

    private final Path directory;
    private final long maxPending;
    private final SegmentLog log;
    private final OutboxState state;
    private String lastError = "";

    private Outbox(Path directory, long maxPending, long segmentBytes) {
        this.directory = directory;
        this.maxPending = maxPending;
        this.log = new SegmentLog(directory, segmentBytes);
        this.state = new OutboxState(directory);
    }

    /**
     * Opens (creating if needed) the outbox in {@code directory} and recovers it: a torn tail is cut off, the sequence
     * continues after the highest number ever given out.
     */
    public static Outbox open(Path directory, long maxPending, long segmentBytes) throws IOException {
        if (maxPending < 1 || segmentBytes < 1024) {
            throw new IllegalArgumentException("maxPending must be >= 1 and segmentBytes >= 1024, were " + maxPending
                    + " and " + segmentBytes);
        }
        Files.createDirectories(directory);
        Outbox o = new Outbox(directory, maxPending, segmentBytes);
        o.state.load();
        long last = o.log.recover();
        if (last >= 0 && last < o.state.delivered) {
            LOG.warn("Outbox {}: the segment files end at {} but the CIO confirmed up to {}", directory, last,
                    o.state.delivered);
        }
        o.log.deleteUpTo(o.state.delivered);
        LOG.info("Outbox {} opened: {} pending, next sequence number {}", directory, o.pending(),
                o.nextSequence());
        return o;
    }

    private long nextSequence() {
        return Math.max(log.lastSequence(), state.delivered) + 1;
    }

    private long pending() {
        return Math.max(0, log.lastSequence() - state.delivered);
    }

    /**
     * Appends an item whose JSON body the function makes for its sequence number, and flushes it to disk.
     *
     * @return the sequence number, or -1 when a droppable item was dropped because the outbox is full
     * @throws UncheckedIOException when the outbox cannot be written
     * @throws IllegalArgumentException when the body function refuses the item (nothing is written)
     */
    public synchronized long append(OutboxEntry.Type type, boolean droppable, LongFunction<String> jsonForSeq) {
        try {
            if (droppable && pending() >= maxPending) {
                state.dropped++;
                state.store();
                if (state.dropped == 1 || state.dropped % 100 == 0) {
                    LOG.warn("Outbox full ({} pending): intermediate meter samples are dropped ({} so far)",
                            pending(), state.dropped);
                }
                return -1;
            }
            long seq = nextSequence();
            byte[] json = jsonForSeq.apply(seq).getBytes(StandardCharsets.UTF_8);
            log.append(new OutboxEntry(seq, type, droppable, json));
            notifyAll();
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CIO outbox in " + directory, e);
        }
    }

    /** Up to {@code max} pending items in order (empty when none). */
    public synchronized List<OutboxEntry> peek(int max) throws IOException {
        return log.read(state.delivered + 1, max);
    }

    /** Waits until an item is pending or the time is up; true if one is. */
    public synchronized boolean awaitPending(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (pending() == 0) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The CIO confirmed every item up to {@code seq}. */
    public synchronized void acknowledge(long seq) throws IOException {
        if (seq <= state.delivered) {
            return;
        }
        state.delivered = seq;
        state.store();
        lastError = "";
        log.deleteUpTo(seq);
    }

    /**
     * The CIO refused an item as invalid: it is appended to {@code rejected.jsonl} (kept for the operator), counted
     * and acknowledged so that delivery goes on.
     */
    public synchronized void reject(OutboxEntry entry, String reason) throws IOException {
        String line = "{\"sequenceNumber\":" + entry.sequenceNumber() + ",\"reason\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(reason) + ",\"item\":" + entry.jsonText()
                + "}\n";
        Files.writeString(directory.resolve(REJECTED_FILE), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        state.rejected++;
        acknowledge(entry.sequenceNumber());
    }

    public synchronized void recordError(String error) {
        lastError = error;
    }

    public synchronized OutboxStatus status() {
        return new OutboxStatus(pending(), nextSequence() - 1, state.delivered, state.dropped, state.rejected,
                lastError);
    }

    public Path directory() {
        return directory;
    }

    synchronized int segmentCount() {
        return log.segmentCount();
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
        notifyAll();
    }
}
