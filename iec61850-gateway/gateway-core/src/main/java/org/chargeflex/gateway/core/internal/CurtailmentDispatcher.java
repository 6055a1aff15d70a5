package org.chargeflex.gateway.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies curtailments and lifts on its own thread: the newest command per target wins; a failure is retried after a
 * delay unless a newer command for the target arrived meanwhile. When the sink refuses a command for good, the limit
 * served for the target goes back to the last one the sink accepted (none: the rating), unless a newer command is
 * already served, and the refusal is logged with the command's origin.
 */
public final class CurtailmentDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CurtailmentDispatcher.class);

    /** A queued command: a curtailment, or a lift when {@code curtailment} is null. */
    private record Command(CurtailmentTarget target, Curtailment curtailment, String origin) {
        @Override
        public String toString() {
            return curtailment == null ? "lift of " + target + " (from " + origin + ")"
                    : "limit " + curtailment.limitW() + " W for " + target + (curtailment.emergency()
                            ? " (emergency)" : "") + " (from " + origin + ")";
        }
    }

    private final CurtailmentSink sink;
    private final StationCache cache;
    private final Duration retryDelay;
    private final Map<CurtailmentTarget, Command> pending = new ConcurrentHashMap<>();
    /** The last command the sink accepted per target: its curtailment, or empty after a lift. */
    private final Map<CurtailmentTarget, Optional<Curtailment>> accepted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-curtailment");
        t.setDaemon(true);
        return t;
    });

    public CurtailmentDispatcher(CurtailmentSink sink, StationCache cache, Duration retryDelay) {
        this.sink = sink;
        this.cache = cache;
        this.retryDelay = retryDelay;
    }

    /** Queues a curtailment; returns at once. */
    public void submit(Curtailment c) {
        queue(new Command(c.target(), c, c.origin()));
    }

    /** Queues a lift; returns at once. */
    public void lift(CurtailmentTarget target, String origin) {
        queue(new Command(target, null, origin));
    }

    /** Records a limit the sink is known to hold (e.g. read back at start), the fallback of a later refusal. */
    public void accepted(CurtailmentTarget target, Optional<Curtailment> c) {
        accepted.put(target, c);
    }

    private void queue(Command c) {
        pending.put(c.target(), c);
        executor.execute(() -> apply(c.target()));
    }

    private void apply(CurtailmentTarget target) {
        Command c = pending.get(target);
        if (c == null) {
            return;
        }
        if (!cache.known(target)) {
            LOG.warn("Dropping {}: no longer registered", c);
            pending.remove(target, c);
            return;
        }
        try {
            if (c.curtailment() == null) {
                sink.lift(target, c.origin());
                LOG.info("Curtailment of {} lifted by the CIO (from {})", target, c.origin());
            } else {
                sink.apply(c.curtailment());
                LOG.info("Limit {} W for {} applied by the CIO{} (from {})", c.curtailment().limitW(), target,
                        c.curtailment().emergency() ? " as an emergency" : "", c.origin());
            }
            accepted.put(target, Optional.ofNullable(c.curtailment()));
            pending.remove(target, c);
        } catch (SinkException e) {
            if (e.retryable()) {
                retry(c, e.getMessage(), null);
            } else {
                refused(c, e);
            }
        } catch (RuntimeException e) {
            retry(c, e.getMessage(), e);
        }
    }

    private void retry(Command c, String why, RuntimeException e) {
        LOG.warn("{} failed, retrying in {}: {}", c, retryDelay, why, e);
        executor.schedule(() -> apply(c.target()), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refused(Command c, SinkException e) {
        if (!pending.remove(c.target(), c)) {
            LOG.error("The CIO refused the {}: {}; a newer command for the target is served", c, e.getMessage());
            return;
        }
        Curtailment last = accepted.getOrDefault(c.target(), Optional.empty()).orElse(null);
        boolean restored = cache.restore(c.target(), c.curtailment(), last);
        LOG.error("The CIO refused the {}: {}; {}", c, e.getMessage(), !restored
                ? "a newer command for the target is served"
                : last == null ? "serving the target's rating again (no accepted limit)"
                        : "serving the last accepted limit " + last.limitW() + " W again");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
