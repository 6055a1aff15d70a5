package org.chargeflex.station.cioclient.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static long meter(Outbox o, boolean droppable) {
        return o.append(OutboxEntry.Type.METER_VALUE, droppable, seq -> "{\"sequenceNumber\":" + seq + "}");
    }

    private static long session(Outbox o) {
        return o.append(OutboxEntry.Type.SESSION_RECORD, false, seq -> "{\"sequenceNumber\":" + seq + ",\"kind\":\"START\"}");
    }

    @Test
    void itemsComeBackInOrderWithConsecutiveSequenceNumbers() throws IOException {
        try (Outbox o = Outbox.open(dir, 100, 4096)) {
            assertThat(meter(o, true)).isZero();
            assertThat(session(o)).isEqualTo(1);
            assertThat(meter(o, true)).isEqualTo(2);
            List<OutboxEntry> all = o.peek(10);
            assertThat(all).extracting(OutboxEntry::sequenceNumber).containsExactly(0L, 1L, 2L);
            assertThat(all).extracting(OutboxEntry::type).containsExactly(OutboxEntry.Type.METER_VALUE,
                    OutboxEntry.Type.SESSION_RECORD, OutboxEntry.Type.METER_VALUE);
            assertThat(all.get(1).jsonText()).isEqualTo("{\"sequenceNumber\":1,\"kind\":\"START\"}");
            o.acknowledge(1);
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(2L);
            assertThat(o.status().pending()).isEqualTo(1);
            assertThat(o.status().deliveredSequence()).isEqualTo(1);
        }
    }

    @Test
    void afterARestartPendingItemsRemainAndSequenceNumbersNeverRepeat() throws IOException {
        try (Outbox o = Outbox.open(dir, 100, 1024)) {
            for (int i = 0; i < 50; i++) {
                meter(o, true);
            }
            o.acknowledge(29);
        }
        try (Outbox o = Outbox.open(dir, 100, 1024)) {
            assertThat(o.peek(100)).extracting(OutboxEntry::sequenceNumber)
                    .containsExactlyElementsOf(Stream.iterate(30L, i -> i + 1).limit(20).toList());
            o.acknowledge(49);
            assertThat(o.status().pending()).isZero();
        }
        // everything delivered and the segment files compacted away: the next number still continues
        try (Outbox o = Outbox.open(dir, 100, 1024)) {
            assertThat(meter(o, true)).isEqualTo(50);
        }
    }

    @Test
    void confirmedSegmentsAreDeleted() throws IOException {
        try (Outbox o = Outbox.open(dir, 1000, 1024)) {
            for (int i = 0; i < 200; i++) {
                meter(o, true);
            }
            int before = o.segmentCount();
            assertThat(before).isGreaterThan(3);
            o.acknowledge(199);
            assertThat(o.segmentCount()).isEqualTo(1);
            assertThat(o.peek(10)).isEmpty();
        }
    }

    @Test
    void aTornTailIsCutOffAndTheSequenceContinuesAfterTheLastIntactItem() throws IOException {
        try (Outbox o = Outbox.open(dir, 100, 1 << 20)) {
            for (int i = 0; i < 5; i++) {
                meter(o, true);
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("seg-")).findFirst().orElseThrow();
        }
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7); // the last item was cut short by a power loss
        }
        try (Outbox o = Outbox.open(dir, 100, 1 << 20)) {
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L);
            assertThat(meter(o, true)).isEqualTo(4);
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
        try (Outbox o = Outbox.open(dir, 100, 1 << 20)) {
            assertThat(o.peek(10)).hasSize(5);
        }
    }

    @Test
    void garbageAfterTheLastItemIsIgnored() throws IOException {
        try (Outbox o = Outbox.open(dir, 100, 1 << 20)) {
            meter(o, true);
            meter(o, true);
        }
        Path segment = dir.resolve(String.format("seg-%020d.log", 0));
        Files.write(segment, new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 1, 0, 9, 9}, StandardOpenOption.APPEND);
        try (Outbox o = Outbox.open(dir, 100, 1 << 20)) {
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(0L, 1L);
            assertThat(meter(o, true)).isEqualTo(2);
        }
    }

    @Test
    void whenFullOnlyDroppableItemsAreDroppedAndCounted() throws IOException {
        try (Outbox o = Outbox.open(dir, 3, 4096)) {
            meter(o, true);
            meter(o, true);
            meter(o, true);
            assertThat(meter(o, true)).isEqualTo(-1);
            assertThat(meter(o, true)).isEqualTo(-1);
            assertThat(session(o)).isEqualTo(3);
            assertThat(meter(o, false)).isEqualTo(4);
            assertThat(o.status().droppedSamples()).isEqualTo(2);
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
            o.acknowledge(4);
            assertThat(meter(o, true)).isEqualTo(5);
        }
        try (Outbox o = Outbox.open(dir, 3, 4096)) {
            assertThat(o.status().droppedSamples()).as("the counter survives a restart").isEqualTo(2);
        }
    }

    @Test
    void aRejectedItemIsSetAsideCountedAndSkipped() throws IOException {
        try (Outbox o = Outbox.open(dir, 10, 4096)) {
            meter(o, true);
            meter(o, true);
            o.reject(o.peek(1).get(0), "HTTP 400: bad");
            assertThat(o.peek(10)).extracting(OutboxEntry::sequenceNumber).containsExactly(1L);
            assertThat(o.status().rejectedItems()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve(Outbox.REJECTED_FILE))).contains("\"sequenceNumber\":0")
                    .contains("HTTP 400: bad");
        }
    }

    @Test
    void aBodyThatCannotBeMadeWritesNothing() throws IOException {
        try (Outbox o = Outbox.open(dir, 10, 4096)) {
            assertThatThrownBy(() -> o.append(OutboxEntry.Type.METER_VALUE, true, seq -> {
                throw new IllegalArgumentException("energyWh must be >= 0");
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(o.peek(10)).isEmpty();
            assertThat(meter(o, true)).isZero();
        }
    }
}
