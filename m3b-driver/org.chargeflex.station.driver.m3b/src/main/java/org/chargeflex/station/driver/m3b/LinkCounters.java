package org.chargeflex.station.driver.m3b;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Health counters of one device; they outlive its connections so that reconnects do not reset them. */
final class LinkCounters {

    /** The counters, each readable as the channel of the same name in lower case. */
    enum Counter {
        /** Candidate frames whose CRC did not match. */
        CRC_ERRORS,
        /** Intact frames with a payload that does not fit their type. */
        MALFORMED_FRAMES,
        /** Requests that got no answer after all retries. */
        TIMEOUTS,
        /** Requests sent again after a timeout. */
        RETRIES,
        /** Board restarts seen (boot event or a changed boot id). */
        BOARD_RESETS,
        /** Gaps in the board's event sequence numbers (events lost on the line). */
        DROPPED_EVENTS,
        /** Connections that broke (peer closed, too many timeouts, reset, lost session). */
        LINK_LOSSES,
        /** Successful connects (handshakes). */
        CONNECTS,
        /** Writes the driver refused for safety without sending anything. */
        SAFETY_REFUSALS,
        /** Contactor openings the driver ordered after a CP state change or fault. */
        SAFETY_OPENS,
        FRAMES_RECEIVED,
        FRAMES_SENT
    }

    private final Map<Counter, AtomicLong> values = new EnumMap<>(Counter.class);

    LinkCounters() {
        for (Counter c : Counter.values()) {
            values.put(c, new AtomicLong());
        }
    }

    void increment(Counter c) {
        values.get(c).incrementAndGet();
    }

    void add(Counter c, long delta) {
        values.get(c).addAndGet(delta);
    }

    long get(Counter c) {
        return values.get(c).get();
    }
}
