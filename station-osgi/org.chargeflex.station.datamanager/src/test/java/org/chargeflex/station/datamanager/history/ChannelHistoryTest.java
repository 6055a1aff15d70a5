package org.chargeflex.station.datamanager.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelHistoryTest {
    private static final String LABEL = "outlet1/meter/power";

    @TempDir
    Path dir;

    private static Record valid(long i) {
        return new Record(Value.of((double) i), 1000 + i);
    }

    private List<Long> values(ChannelHistory h) throws IOException {
        return h.read(Long.MIN_VALUE, Long.MAX_VALUE).stream().map(r -> r.getValue().asLong()).toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void keepsAtMostMaxRecordsInTwoSegments() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 10)) {
            for (long i = 1; i <= 23; i++) {
                h.append(valid(i));
                assertThat(h.read(Long.MIN_VALUE, Long.MAX_VALUE).size()).isLessThanOrEqualTo(10);
            }
            assertThat(values(h)).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L);
            h.append(valid(24));
            h.append(valid(25));
            assertThat(values(h)).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
            assertThat(segments()).hasSize(2);
        }
    }

    @Test
    void survivesReopening() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 10)) {
            for (long i = 1; i <= 7; i++) {
                h.append(valid(i));
            }
        }
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 10)) {
            assertThat(values(h)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            for (long i = 8; i <= 12; i++) {
                h.append(valid(i));
            }
            assertThat(values(h)).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L);
        }
    }

    @Test
    void ignoresATornLastRecordAndAppendsAfterTheGoodOnes() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            for (long i = 1; i <= 4; i++) {
                h.append(valid(i));
            }
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3); // power lost in the middle of writing record 4
        }

        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            assertThat(values(h)).containsExactly(1L, 2L, 3L);
            h.append(valid(5));
            assertThat(values(h)).containsExactly(1L, 2L, 3L, 5L);
        }
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            assertThat(values(h)).containsExactly(1L, 2L, 3L, 5L);
        }
    }

    @Test
    void ignoresGarbageAndCorruptRecords() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            h.append(valid(1));
            h.append(valid(2));
        }
        Path segment = segments().get(0);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND); // half a frame
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            assertThat(values(h)).containsExactly(1L, 2L);
        }

        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 6] ^= 0x55; // a flipped bit in the last record's payload: checksum mismatch
        Files.write(segment, bytes);
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            assertThat(values(h)).containsExactly(1L);
        }
    }

    @Test
    void aTornRecordInTheOlderSegmentIsSkippedWhenReading() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 4)) {
            for (long i = 1; i <= 3; i++) {
                h.append(valid(i));
            }
        }
        Path older = segments().get(0);
        try (FileChannel ch = FileChannel.open(older, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(older) - 1);
        }
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 4)) {
            assertThat(values(h)).containsExactly(1L, 3L);
        }
    }

    @Test
    void aSegmentLeftOverFromAnInterruptedRotationIsDeleted() throws Exception {
        String base = HistoryFileNames.base(LABEL);
        for (long seq = 0; seq < 3; seq++) {
            try (FileChannel ch = FileChannel.open(dir.resolve(HistoryFileNames.segment(base, seq)),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(RecordCodec.encode(valid(seq)));
            }
        }
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 10)) {
            assertThat(values(h)).containsExactly(1L, 2L);
        }
        assertThat(segments()).extracting(p -> p.getFileName().toString())
                .containsExactly(base + ".1.hist", base + ".2.hist");
    }

    @Test
    void readsARangeOldestFirst() throws Exception {
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            h.append(new Record(Value.of(3L), 300));
            h.append(new Record(Value.of(1L), 100)); // a driver timestamp from before the previous record
            h.append(new Record(Value.of(2L), 200));
            h.append(new Record(Value.of(4L), 400));

            assertThat(h.read(100, 300)).extracting(Record::getTimestamp).containsExactly(100L, 200L, 300L);
            assertThat(h.read(401, 500)).isEmpty();
        }
    }

    @Test
    void storesEveryValueTypeAndFlaggedRecords() throws Exception {
        List<Record> records = List.of(new Record(Value.of(true), 1), new Record(Value.of(-7L), 2),
                new Record(Value.of(2.5), 3), new Record(Value.of("grüße"), 4),
                new Record(Value.of(new byte[] {1, 2, (byte) 0xff}), 5), Record.of(Flag.TIMEOUT, 6),
                new Record(Value.of(9L), 7, Flag.CONNECTION_EXCEPTION));
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            for (Record r : records) {
                h.append(r);
            }
        }
        try (ChannelHistory h = ChannelHistory.open(dir, LABEL, 100)) {
            assertThat(h.read(0, 10)).isEqualTo(records);
        }
    }

    @Test
    void keepsLabelsApartInOneDirectory() throws Exception {
        try (ChannelHistory a = ChannelHistory.open(dir, "a/b", 10);
                ChannelHistory b = ChannelHistory.open(dir, "a.b", 10);
                ChannelHistory c = ChannelHistory.open(dir, "a", 10)) {
            a.append(valid(1));
            b.append(valid(2));
            c.append(valid(3));
            assertThat(values(a)).containsExactly(1L);
            assertThat(values(b)).containsExactly(2L);
            assertThat(values(c)).containsExactly(3L);
        }
    }

    @Test
    void disabledHistoryKeepsNothing() throws Exception {
        ChannelHistory h = new HistoryStore(dir).open(LABEL, 0);
        h.append(valid(1));
        assertThat(h.read(Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
        assertThat(segments()).isEmpty();
    }

    @Test
    void anUnusableDirectoryMeansNoHistoryNotAFailure() throws Exception {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        ChannelHistory h = new HistoryStore(file).open(LABEL, 10);
        h.append(valid(1));
        assertThat(h.read(Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void decodeStopsAtTheFirstBadFrame() {
        ByteBuffer one = RecordCodec.encode(valid(1));
        ByteBuffer data = ByteBuffer.allocate(one.remaining() + 2).put(one).put((byte) 0).put((byte) 1).flip();
        RecordCodec.Decoded decoded = RecordCodec.decode(data);
        assertThat(decoded.records()).containsExactly(valid(1));
        assertThat(decoded.validBytes()).isEqualTo(data.limit() - 2);
    }
}
