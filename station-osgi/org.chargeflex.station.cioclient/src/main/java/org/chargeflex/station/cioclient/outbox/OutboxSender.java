package org.chargeflex.station.cioclient.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.http.Backoff;
import org.chargeflex.station.cioclient.http.CioHttp;
import org.chargeflex.station.cioclient.http.HttpAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in order on its own thread: runs of consecutive meter values as one {@code MeterValueBatch},
 * each session record alone. An item is acknowledged (and so never sent again) only after the CIO confirmed it; a
 * repetition after a lost answer is harmless because the CIO stores each (station, sequence number) once.
 *
 * <p>Failures: no answer, 5xx, 408, 429, 401, 403, 404 and 409 are retried with exponential back-off and jitter, for
 * ever (the item stays at the head). 400 and 422 mean the item itself is invalid: a batch is retried item by item to
 * find it, and that item is set aside in {@code rejected.jsonl} (counted) so that the items behind it are delivered.
 */
public final class OutboxSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final long IDLE_WAIT_MILLIS = 1000;

    private final Outbox outbox;
    private final CioHttp http;
    private final String stationId;
    private final String stationPath;
    private final int batchSize;
    private final Backoff backoff;
    private volatile boolean running = true;
    private long singleStepUntil = -1;

    public OutboxSender(Outbox outbox, CioHttp http, String stationId, int batchSize, Backoff backoff) {
        this.outbox = outbox;
        this.http = http;
        this.stationId = stationId;
        this.stationPath = "api/v1/stations/" + stationId;
        this.batchSize = batchSize;
        this.backoff = backoff;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (!outbox.awaitPending(IDLE_WAIT_MILLIS)) {
                    continue;
                }
                if (!deliverNext()) {
                    long delay = backoff.next();
                    Thread.sleep(delay);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                LOG.error("CIO outbox delivery failed; retrying", e);
                outbox.recordError(e.toString());
                sleepQuietly(backoff.next());
            }
        }
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the next run of items; true when it was confirmed or set aside, false when it must be retried. */
    boolean deliverNext() throws IOException {
        List<OutboxEntry> head = outbox.peek(batchSize);
        if (head.isEmpty()) {
            return true;
        }
        List<OutboxEntry> run = run(head);
        HttpAnswer a;
        try {
            a = run.get(0).type() == OutboxEntry.Type.SESSION_RECORD
                    ? http.send("POST", stationPath + "/session-records", null, run.get(0).jsonText())
                    : http.send("POST", stationPath + "/meter-values", null, batchJson(run));
        } catch (CioException e) {
            fail(e.getMessage());
            return false;
        }
        long last = run.get(run.size() - 1).sequenceNumber();
        if (a.ok()) {
            outbox.acknowledge(last);
            backoff.reset();
            return true;
        }
        if (a.status() == 400 || a.status() == 422) {
            if (run.size() > 1) {
                singleStepUntil = last;
                LOG.warn("The CIO refused a batch of {} items ending at {} (HTTP {}); sending them one by one",
                        run.size(), last, a.status());
                return true;
            }
            LOG.error("The CIO refused outbox item {} as invalid (HTTP {}: {}); it is set aside in {}",
                    last, a.status(), a.shortBody(), Outbox.REJECTED_FILE);
            outbox.reject(run.get(0), "HTTP " + a.status() + ": " + a.shortBody());
            return true;
        }
        fail("HTTP " + a.status() + " " + a.shortBody());
        return false;
    }

    private void fail(String reason) {
        if (backoff.failures() == 0) {
            LOG.warn("CIO outbox delivery failed, retrying with back-off: {}", reason);
        }
        outbox.recordError(reason);
    }

    /** The head item alone (session record, or while isolating a refused batch), or consecutive meter values. */
    private List<OutboxEntry> run(List<OutboxEntry> head) {
        OutboxEntry first = head.get(0);
        if (first.type() == OutboxEntry.Type.SESSION_RECORD || first.sequenceNumber() <= singleStepUntil) {
            return List.of(first);
        }
        List<OutboxEntry> run = new ArrayList<>();
        for (OutboxEntry e : head) {
            if (e.type() != OutboxEntry.Type.METER_VALUE) {
                break;
            }
            run.add(e);
        }
        return run;
    }

    private String batchJson(List<OutboxEntry> run) {
        StringBuilder b = new StringBuilder(64 + run.size() * 200);
        b.append("{\"stationId\":\"").append(stationId).append("\",\"items\":[");
        for (int i = 0; i < run.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(run.get(i).jsonText());
        }
        return b.append("]}").toString();
    }
}
