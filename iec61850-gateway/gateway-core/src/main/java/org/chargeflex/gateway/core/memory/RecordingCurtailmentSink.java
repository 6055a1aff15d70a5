package org.chargeflex.gateway.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.StationInfo;

/** A stand-in sink that records what it is asked to apply and accepts everything. */
public final class RecordingCurtailmentSink implements CurtailmentSink {
    private final BlockingQueue<Curtailment> applied = new LinkedBlockingQueue<>();

    @Override
    public void apply(Curtailment c, StationInfo station) {
        applied.add(c);
    }

    /** The next applied curtailment, waiting up to the timeout; null if none. */
    public Curtailment next(long timeout, TimeUnit unit) throws InterruptedException {
        return applied.poll(timeout, unit);
    }

    public List<Curtailment> drain() {
        List<Curtailment> list = new ArrayList<>();
        applied.drainTo(list);
        return list;
    }
}
