package org.chargeflex.station.datamanager.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.chargeflex.station.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded on-disk history of one channel: two append-only segment files of {@link RecordCodec} records. When the
 * current segment holds {@code maxRecords / 2} records a new one is started and the older of the two is deleted, so
 * at most {@code maxRecords} records are kept. A torn record at the end of the current segment (power loss during a
 * write) is cut off when the history is opened; one at the end of the older segment is ignored when reading.
 */
public final class ChannelHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelHistory.class);
    private static final ChannelHistory DISABLED = new ChannelHistory();

    private final Path dir;
    private final String base;
    private final int maxRecords;
    private final int segmentCapacity;
    private Path previous;
    private Path current;
    private long currentSequence;
    private int currentCount;
    private FileChannel out;
    private boolean closed;

    private ChannelHistory() {
        this.dir = null;
        this.base = null;
        this.maxRecords = 0;
        this.segmentCapacity = 0;
        this.closed = true;
    }

    private ChannelHistory(Path dir, String base, int maxRecords) {
        this.dir = dir;
        this.base = base;
        this.maxRecords = maxRecords;
        this.segmentCapacity = maxRecords / 2;
    }

    /** A history that stores nothing (for {@code historyMaxRecords = 0} or when the directory is unusable). */
    public static ChannelHistory disabled() {
        return DISABLED;
    }

    /**
     * Opens (or creates) the history of {@code label} in {@code dir}.
     *
     * @param maxRecords at least 2
     */
    public static ChannelHistory open(Path dir, String label, int maxRecords) throws IOException {
        if (maxRecords < 2) {
            throw new IllegalArgumentException("maxRecords must be at least 2, got " + maxRecords);
        }
        ChannelHistory h = new ChannelHistory(dir, HistoryFileNames.base(label), maxRecords);
        h.load();
        return h;
    }

    private void load() throws IOException {
        Files.createDirectories(dir);
        List<Long> sequences = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                OptionalLong seq = HistoryFileNames.sequenceOf(base, p.getFileName().toString());
                seq.ifPresent(sequences::add);
            });
        }
        sequences.sort(Comparator.naturalOrder());
        while (sequences.size() > 2) {
            // left over from a rotation that was interrupted before it deleted the oldest segment
            Files.deleteIfExists(segmentPath(sequences.remove(0)));
        }
        if (sequences.isEmpty()) {
            currentSequence = 0;
        } else {
            currentSequence = sequences.get(sequences.size() - 1);
            previous = sequences.size() == 2 ? segmentPath(sequences.get(0)) : null;
        }
        current = segmentPath(currentSequence);
        out = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        RecordCodec.Decoded decoded = RecordCodec.decode(ByteBuffer.wrap(Files.readAllBytes(current)));
        if (decoded.validBytes() < out.size()) {
            LOG.warn("History {}: ignoring {} bytes of a torn or corrupt record at the end", current,
                    out.size() - decoded.validBytes());
            out.truncate(decoded.validBytes());
        }
        out.position(decoded.validBytes());
        currentCount = decoded.records().size();
    }

    private Path segmentPath(long sequence) {
        return dir.resolve(HistoryFileNames.segment(base, sequence));
    }

    public int maxRecords() {
        return maxRecords;
    }

    /** Appends a record and writes it through to the file. */
    public synchronized void append(Record record) throws IOException {
        if (closed) {
            return;
        }
        ByteBuffer frame = RecordCodec.encode(record);
        if (frame == null) {
            LOG.warn("History {}: record at {} is larger than {} bytes and is not stored", current,
                    record.getTimestamp(), RecordCodec.MAX_PAYLOAD);
            return;
        }
        if (currentCount >= segmentCapacity) {
            rotate();
        }
        long start = out.position();
        try {
            while (frame.hasRemaining()) {
                out.write(frame);
            }
        } catch (IOException e) {
            // do not leave half a record in front of the next ones
            try {
                out.truncate(start);
                out.position(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        currentCount++;
    }

    private void rotate() throws IOException {
        out.close();
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
        previous = current;
        currentSequence++;
        current = segmentPath(currentSequence);
        out = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        currentCount = 0;
    }

    /** Stored records with {@code from <= timestamp <= until}, oldest first. */
    public synchronized List<Record> read(long from, long until) throws IOException {
        if (dir == null) {
            return List.of();
        }
        List<Record> all = new ArrayList<>();
        if (previous != null && Files.exists(previous)) {
            all.addAll(RecordCodec.decode(ByteBuffer.wrap(Files.readAllBytes(previous))).records());
        }
        if (Files.exists(current)) {
            all.addAll(RecordCodec.decode(ByteBuffer.wrap(Files.readAllBytes(current))).records());
        }
        if (all.size() > maxRecords) {
            all = all.subList(all.size() - maxRecords, all.size());
        }
        List<Record> out = new ArrayList<>();
        for (Record r : all) {
            if (r.getTimestamp() >= from && r.getTimestamp() <= until) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(Record::getTimestamp));
        return out;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("History {}: closing failed", current, e);
        }
    }
}
