package org.chargeflex.gateway.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.SinkException;

/**
 * A stand-in sink that records what it is asked to apply or lift; it accepts everything unless set to refuse (like
 * a CIO answering 400).
 */
public final class RecordingCurtailmentSink implements CurtailmentSink {
    private final BlockingQueue<Curtailment> applied = new LinkedBlockingQueue<>();
    private final BlockingQueue<CurtailmentTarget> lifted = new LinkedBlockingQueue<>();
    private final BlockingQueue<Curtailment> refused = new LinkedBlockingQueue<>();
    private volatile boolean refusing;

    /** While refusing, every curtailment is refused for good (not retried) and recorded as refused. */
    public void setRefusing(boolean refusing) {
        this.refusing = refusing;
    }

    @Override
    public void apply(Curtailment c) throws SinkException {
        if (refusing) {
            refused.add(c);
            throw new SinkException("refused by the stand-in sink", null, false);
        }
        applied.add(c);
    }

    @Override
    public void lift(CurtailmentTarget target, String origin) {
        lifted.add(target);
    }

    /** The next applied curtailment, waiting up to the timeout; null if none. */
    public Curtailment next(long timeout, TimeUnit unit) throws InterruptedException {
        return applied.poll(timeout, unit);
    }

    /** The next lifted target, waiting up to the timeout; null if none. */
    public CurtailmentTarget nextLift(long timeout, TimeUnit unit) throws InterruptedException {
        return lifted.poll(timeout, unit);
    }

    /** The next refused curtailment, waiting up to the timeout; null if none. */
    public Curtailment nextRefused(long timeout, TimeUnit unit) throws InterruptedException {
        return refused.poll(timeout, unit);
    }

    public List<Curtailment> drain() {
        List<Curtailment> list = new ArrayList<>();
        applied.drainTo(list);
        return list;
    }
}
