package org.chargeflex.m3b.protocol;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.chargeflex.m3b.protocol.internal.Crc16;

/**
 * Turns a byte stream into {@link Frame}s, byte by byte or in chunks of any size. It never throws on bad input and
 * never gets stuck: bytes before a start byte are skipped; a header with an impossible length or a frame whose CRC does
 * not match drops only its start byte, and the search for the next start byte resumes right after it, so a valid frame
 * hidden inside garbage or following a truncated frame is still found. The buffer never holds more than one maximal
 * frame, so every buffered candidate is decided at the latest {@value Frame#MAX_FRAME_LENGTH} bytes later; a reader
 * that sees the line go idle calls {@link #flushStale()} to decide it at once.
 *
 * <p>Not thread-safe: one reader thread feeds it. The counters may be read from any thread.
 */
public final class FrameDecoder {
    private final Consumer<Frame> sink;
    private final byte[] buffer = new byte[Frame.MAX_FRAME_LENGTH];
    private int length;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong crcErrors = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();

    /** @param sink receives every intact frame, on the feeding thread */
    public FrameDecoder(Consumer<Frame> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, data.length);
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            int n = Math.min(buffer.length - length, end - pos);
            System.arraycopy(data, pos, buffer, length, n);
            length += n;
            pos += n;
            process();
        }
    }

    /**
     * The line went idle with a partial frame buffered: treats it as truncated, drops its start byte and decodes
     * whatever complete frames follow it in the buffer. Afterwards the buffer is empty.
     */
    public void flushStale() {
        while (length > 0) {
            discard(1);
            process();
        }
    }

    /** Drops everything buffered, e.g. after the transport was reopened. */
    public void reset() {
        discardedBytes.addAndGet(length);
        length = 0;
    }

    private void process() {
        while (length > 0) {
            if ((buffer[0] & 0xFF) != Frame.START) {
                int next = indexOfStart(1);
                discard(next < 0 ? length : next);
                continue;
            }
            if (length < Frame.HEADER_LENGTH) {
                return;
            }
            int payloadLength = buffer[1] & 0xFF;
            if (payloadLength > Frame.MAX_PAYLOAD) {
                discard(1);
                continue;
            }
            int total = Frame.HEADER_LENGTH + payloadLength + Frame.CRC_LENGTH;
            if (length < total) {
                return;
            }
            int expected = Crc16.compute(buffer, 1, Frame.HEADER_LENGTH - 1 + payloadLength);
            int actual = ((buffer[total - 2] & 0xFF) << 8) | (buffer[total - 1] & 0xFF);
            if (expected != actual) {
                crcErrors.incrementAndGet();
                discard(1);
                continue;
            }
            byte[] payload = new byte[payloadLength];
            System.arraycopy(buffer, Frame.HEADER_LENGTH, payload, 0, payloadLength);
            Frame frame = new Frame(buffer[2] & 0xFF, buffer[3] & 0xFF, payload);
            remove(total);
            frames.incrementAndGet();
            sink.accept(frame);
        }
    }

    private int indexOfStart(int from) {
        for (int i = from; i < length; i++) {
            if ((buffer[i] & 0xFF) == Frame.START) {
                return i;
            }
        }
        return -1;
    }

    private void discard(int n) {
        discardedBytes.addAndGet(n);
        remove(n);
    }

    private void remove(int n) {
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    /** Intact frames delivered so far. */
    public long frameCount() {
        return frames.get();
    }

    /** Candidate frames whose CRC did not match (corruption, or a start byte inside garbage). */
    public long crcErrorCount() {
        return crcErrors.get();
    }

    /** Bytes skipped while looking for a frame. */
    public long discardedByteCount() {
        return discardedBytes.get();
    }

    /** Bytes currently held as the beginning of a frame. */
    public int bufferedBytes() {
        return length;
    }
}
