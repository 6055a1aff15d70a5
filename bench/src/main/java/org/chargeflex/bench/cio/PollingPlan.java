package org.chargeflex.bench.cio;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The polling load: every station, once per period, polls its session's schedule with {@code If-None-Match} (so the
 * answer is mostly 304) and sends one meter batch (4 values, 15 s apart, of its charging outlet). The stations'
 * turns are spread evenly over the period in a shuffled order; step {@code 2k} is a poll, {@code 2k+1} a batch.
 */
final class PollingPlan {
    static final byte POLL = 0;
    static final byte METER_BATCH = 1;
    static final int VALUES_PER_BATCH = 4;

    /** A station with the session it polls and the ETag it holds. */
    record Polled(SimStation station, String sessionId, String etag) {
    }

    private final StationMessages messages;
    private final List<Polled> order;

    PollingPlan(StationMessages messages, List<Polled> stations) {
        this.messages = messages;
        this.order = new ArrayList<>(stations);
        Collections.shuffle(order, new Random(7));
    }

    /** Steps per second for one poll and one batch per station per {@code period}. */
    double rate(Duration period) {
        return 2.0 * order.size() / (period.toMillis() / 1000.0);
    }

    /** {@code n} steps, built ahead of the run; {@code kinds[i]} gets the kind of step i. */
    HttpRequest[] build(int n, byte[] kinds) {
        HttpRequest[] requests = new HttpRequest[n];
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Polled p = order.get((i / 2) % order.size());
            if (i % 2 == 0) {
                kinds[i] = POLL;
                requests[i] = messages.poll(p.station(), p.sessionId(), p.etag());
            } else {
                kinds[i] = METER_BATCH;
                requests[i] = messages.meterBatch(p.station(), "1", p.sessionId(), VALUES_PER_BATCH, now,
                        Duration.ofSeconds(15), 10_000 + i, 7_360);
            }
        }
        return requests;
    }
}
