package org.chargeflex.bench.cio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A simulated station as registered at the CIO: its id, outlets and its HTTP Basic header (built once), plus the
 * sequence counter it numbers its meter values and session records with (one counter per station, as the firmware does).
 */
final class SimStation {
    final String id;
    final List<String> outlets;
    final String authorization;
    private long nextSequence;

    SimStation(String id, List<String> outlets, String secret) {
        this.id = id;
        this.outlets = List.copyOf(outlets);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The next sequence number for a meter value or session record. Not thread-safe: plans are built on one thread. */
    long nextSequence() {
        return nextSequence++;
    }
}
