package org.chargeflex.station.charging.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.station.cioclient.api.CioClient;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains and follows the schedule of the open session: the charging request first (again when the schedule ended or
 * the CIO forgot the session), then conditional polls at the CIO's interval. Calls run on the CIO executor, one at
 * a time; their outcome is applied on the tick thread by {@link #consume}. Failures are retried with exponential
 * back-off and jitter. A schedule that fails the {@link ScheduleCheck} (or that the client found malformed) is refused
 * with a logged reason and the schedule in force stays.
 */
final class ScheduleFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFetcher.class);

    private final String outletId;
    private final CioClient cio;
    private final Executor executor;
    private final ScheduleCheck check;
    private final RetryDelay retry;
    private final AtomicReference<CioOutcome> outcome = new AtomicReference<>();
    private volatile boolean inFlight;
    private Instant nextAction = Instant.MIN;
    private boolean needsRequest = true;
    private long refused;
    private String lastRefusal = "";
    private boolean reportedUnreachable;

    ScheduleFetcher(String outletId, CioClient cio, Executor executor, ScheduleCheck check, RetryDelay retry) {
        this.outletId = outletId;
        this.cio = cio;
        this.executor = executor;
        this.check = check;
        this.retry = retry;
    }

    /** A new (or resumed) session: request a schedule at once. */
    void start() {
        nextAction = Instant.MIN;
        needsRequest = true;
        retry.reset();
    }

    /** Starts the next CIO call when one is due and none is running. */
    void drive(OpenSession s, Instant now, Supplier<ChargingRequest> request) {
        if (inFlight || now.isBefore(nextAction)) {
            return;
        }
        boolean post = needsRequest || s.schedule == null || !now.isBefore(s.schedule.validUntil());
        String sessionId = s.sessionId;
        String etag = s.schedule == null ? null : s.etag;
        ChargingRequest r = post ? request.get() : null;
        inFlight = true;
        try {
            executor.execute(() -> call(sessionId, r, etag));
        } catch (RejectedExecutionException e) {
            inFlight = false;
            LOG.warn("Outlet {}: the CIO call could not be started: {}", outletId, e.toString());
        }
    }

    private void call(String sessionId, ChargingRequest request, String etag) {
        CioOutcome o;
        try {
            if (request != null) {
                o = new CioOutcome(sessionId, cio.requestSchedule(request), false, null);
            } else {
                Optional<ScheduleResponse> polled = cio.pollSchedule(sessionId, etag);
                o = new CioOutcome(sessionId, polled.orElse(null), polled.isEmpty(), null);
            }
        } catch (CioException e) {
            o = new CioOutcome(sessionId, null, false, e);
        } catch (RuntimeException e) {
            LOG.error("Outlet {}: the CIO call failed unexpectedly", outletId, e);
            o = new CioOutcome(sessionId, null, false,
                    new CioException(CioException.Kind.UNREACHABLE, 0, "unexpected failure: " + e, e));
        }
        outcome.set(o);
        inFlight = false;
    }

    /** Applies the outcome of a finished call to the session (ignored if it belongs to another session). */
    void consume(OpenSession s, Instant now) {
        CioOutcome o = outcome.getAndSet(null);
        if (o == null || s == null || !o.sessionId().equals(s.sessionId)) {
            return;
        }
        if (o.failure() != null) {
            failed(o.failure(), now);
        } else if (o.unchanged()) {
            s.lastContact = now;
            succeeded(s, now);
        } else {
            Optional<String> problem = check.problem(o.schedule().schedule(), s.sessionId, now);
            if (problem.isPresent()) {
                refuse(problem.get(), now);
                return;
            }
            boolean changed = s.schedule == null || !s.schedule.scheduleId().equals(o.schedule().schedule().scheduleId());
            s.schedule = o.schedule().schedule();
            s.etag = o.schedule().etag();
            s.lastContact = now;
            needsRequest = false;
            if (changed) {
                LOG.info("Outlet {}: schedule {} accepted for session {} ({} periods from {}, until {})", outletId,
                        s.schedule.scheduleId(), s.sessionId, s.schedule.periods().size(), s.schedule.startTime(),
                        s.schedule.validUntil());
            }
            succeeded(s, now);
        }
    }

    private void succeeded(OpenSession s, Instant now) {
        retry.reset();
        if (reportedUnreachable) {
            LOG.info("Outlet {}: the CIO is reachable again", outletId);
            reportedUnreachable = false;
        }
        nextAction = now.plusSeconds(s.schedule == null ? 1 : s.schedule.pollIntervalSeconds());
    }

    private void failed(CioException e, Instant now) {
        switch (e.kind()) {
            case MALFORMED -> refuse(e.getMessage(), now);
            case REFUSED -> {
                LOG.warn("Outlet {}: the CIO refused the call (HTTP {}): {}; requesting the schedule anew",
                        outletId, e.status(), e.getMessage());
                needsRequest = true;
                nextAction = now.plusMillis(retry.next());
            }
            case UNREACHABLE -> {
                if (!reportedUnreachable) {
                    LOG.warn("Outlet {}: the CIO is unreachable ({}); the schedule in force stays until its end or "
                            + "the offline allowance, then the fallback limit", outletId, e.getMessage());
                    reportedUnreachable = true;
                }
                nextAction = now.plusMillis(retry.next());
            }
        }
    }

    private void refuse(String reason, Instant now) {
        refused++;
        lastRefusal = reason;
        LOG.warn("Outlet {}: schedule refused, the previous limit stays: {}", outletId, reason);
        nextAction = now.plusMillis(retry.next());
    }

    long refusedCount() {
        return refused;
    }

    String lastRefusal() {
        return lastRefusal;
    }

    boolean inFlight() {
        return inFlight;
    }

    Duration untilNextAction(Instant now) {
        return Duration.between(now, nextAction);
    }
}
