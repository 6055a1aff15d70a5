package org.chargeflex.m3b.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults injected on the serial line between board and host: corrupt or drop the next frames the board sends, and
 * ignore everything the host sends for a while (a broken TX wire: the board stops hearing heartbeats).
 */
final class LineFaults {
    private final AtomicInteger corruptNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicLong deafUntil = new AtomicLong();

    void corruptNext(int frames) {
        corruptNext.addAndGet(check(frames));
    }

    void dropNext(int frames) {
        dropNext.addAndGet(check(frames));
    }

    void deafFor(long now, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("duration must be >= 0 ms, got " + millis);
        }
        deafUntil.set(now + millis);
    }

    /** @return the bytes to send for an outgoing frame: as is, corrupted, or null to drop it */
    byte[] outgoing(byte[] frame) {
        if (take(dropNext)) {
            return null;
        }
        if (take(corruptNext)) {
            byte[] b = frame.clone();
            b[b.length - 1] ^= 0x5A; // breaks the CRC; the rest of the frame stays a plausible header
            return b;
        }
        return frame;
    }

    boolean hostIsHeard(long now) {
        return now >= deafUntil.get();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static int check(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frame count must be >= 0, got " + frames);
        }
        return frames;
    }
}
