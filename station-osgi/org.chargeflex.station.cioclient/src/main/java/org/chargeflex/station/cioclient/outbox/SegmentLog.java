package org.chargeflex.station.cioclient.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only segment files {@code seg-<first sequence number, 20 digits>.log} of the outbox, each a run of
 * entries in {@link EntryCodec} form with consecutive sequence numbers. Every append is flushed to the device
 * ({@code force}) before it returns. Not thread-safe: the {@link Outbox} serialises all calls.
 */
final class SegmentLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);
    private static final Pattern NAME = Pattern.compile("seg-(\\d{20})\\.log");

    private final Path directory;
    private final long segmentBytes;
    /** first sequence number of each segment -> its file */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel writer;
    private long writerSize;
    private long lastSequence = -1;
    /** read cursor: the next sequence number to read, and where it is */
    private long cursorSeq = -1;
    private long cursorSegment = -1;
    private long cursorOffset;

    SegmentLog(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** Reads every segment, cuts off a torn tail, and returns the last sequence number found (-1: none). */
    long recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "seg-*.log")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    segments.put(Long.parseLong(m.group(1)), f);
                }
            }
        }
        long expected = -1;
        for (Map.Entry<Long, Path> s : new ArrayList<>(segments.entrySet())) {
            expected = scan(s.getKey(), s.getValue(), expected);
        }
        lastSequence = expected;
        if (!segments.isEmpty()) {
            Path last = segments.lastEntry().getValue();
            writer = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            writerSize = writer.size();
        }
        return lastSequence;
    }

    /** Validates one segment; truncates it at the first entry that is torn, corrupt or out of sequence. */
    private long scan(long first, Path file, long previous) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        long expected = previous < 0 ? first : previous + 1;
        if (first != expected) {
            LOG.error("Outbox segment {} starts at {} but {} was expected; its entries are kept in their order",
                    file, first, expected);
            expected = first;
        }
        long last = previous;
        while (b.hasRemaining()) {
            int at = b.position();
            OutboxEntry e = EntryCodec.decode(b);
            if (e == null || e.sequenceNumber() != expected) {
                LOG.warn("Outbox segment {}: {} bytes from offset {} are not an intact entry (a write cut short by a "
                        + "power loss?); they are removed", file, b.limit() - at, at);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(at);
                    ch.force(true);
                }
                break;
            }
            last = e.sequenceNumber();
            expected = last + 1;
        }
        return last;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Appends an entry (its sequence number must be the next one) and flushes it to the device. */
    void append(OutboxEntry e) throws IOException {
        ByteBuffer b = EntryCodec.encode(e);
        if (writer == null || (writerSize > 0 && writerSize + b.remaining() > segmentBytes)) {
            roll(e.sequenceNumber());
        }
        long before = writerSize;
        try {
            while (b.hasRemaining()) {
                writerSize += writer.write(b);
            }
            writer.force(false);
        } catch (IOException ex) {
            writer.truncate(before);
            writerSize = before;
            throw ex;
        }
        lastSequence = e.sequenceNumber();
    }

    private void roll(long firstSequence) throws IOException {
        if (writer != null) {
            writer.close();
        }
        Path f = directory.resolve(String.format("seg-%020d.log", firstSequence));
        writer = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        writerSize = writer.size();
        segments.put(firstSequence, f);
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the file itself is flushed anyway
            LOG.debug("Cannot flush directory {}: {}", directory, e.toString());
        }
    }

    /** Up to {@code max} entries with sequence numbers from {@code fromSeq} on, in order. */
    List<OutboxEntry> read(long fromSeq, int max) throws IOException {
        List<OutboxEntry> out = new ArrayList<>();
        if (fromSeq > lastSequence || segments.isEmpty()) {
            return out;
        }
        if (cursorSeq != fromSeq) {
            Map.Entry<Long, Path> s = segments.floorEntry(fromSeq);
            cursorSegment = s == null ? segments.firstKey() : s.getKey();
            cursorOffset = 0;
            cursorSeq = -1;
        }
        while (out.size() < max) {
            Path f = segments.get(cursorSegment);
            if (f == null) {
                break;
            }
            boolean exhausted = readSegment(f, fromSeq, max, out);
            if (!exhausted) {
                break;
            }
            Long next = segments.higherKey(cursorSegment);
            if (next == null) {
                break;
            }
            cursorSegment = next;
            cursorOffset = 0;
        }
        cursorSeq = out.isEmpty() ? -1 : out.get(out.size() - 1).sequenceNumber() + 1;
        return out;
    }

    /** Reads from the cursor; true when the end of the segment was reached. */
    private boolean readSegment(Path f, long fromSeq, int max, List<OutboxEntry> out) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, size - cursorOffset));
            while (b.hasRemaining() && ch.read(b, cursorOffset + b.position()) > 0) {
                // keep reading
            }
            b.flip();
            while (out.size() < max) {
                int at = b.position();
                OutboxEntry e = EntryCodec.decode(b);
                if (e == null) {
                    return true;
                }
                if (e.sequenceNumber() > lastSequence) {
                    b.position(at);
                    return true;
                }
                if (e.sequenceNumber() >= fromSeq) {
                    out.add(e);
                }
                cursorOffset += b.position() - at;
            }
            return false;
        }
    }

    /** Deletes the segments (except the one being written) whose entries all have sequence numbers up to {@code seq}. */
    void deleteUpTo(long seq) throws IOException {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            Long secondStart = segments.higherKey(first.getKey());
            if (secondStart - 1 > seq) {
                return;
            }
            Files.deleteIfExists(first.getValue());
            segments.remove(first.getKey());
            if (cursorSegment == first.getKey()) {
                cursorSeq = -1;
            }
        }
    }

    int segmentCount() {
        return segments.size();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
