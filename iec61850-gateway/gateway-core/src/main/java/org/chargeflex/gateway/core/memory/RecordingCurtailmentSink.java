package org.chargeflex.gateway.core.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentSink;
import org.chargeflex.gateway.core.StationInfo;

/** A stand-in sink that records what it is asked to apply; the planned path is accepted for every station. */
public final class RecordingCurtailmentSink implements CurtailmentSink {

    /** One applied curtailment: {@code outletCurrentA} is empty for the planned (CIO) path. */
    public record Applied(Curtailment curtailment, boolean direct, Map<String, Double> outletCurrentA) {
    }

    private final BlockingQueue<Applied> applied = new LinkedBlockingQueue<>();

    @Override
    public boolean applyPlanned(Curtailment c, StationInfo station) {
        applied.add(new Applied(c, false, Map.of()));
        return true;
    }

    @Override
    public void applyEmergency(Curtailment c, StationInfo station, Map<String, Double> outletCurrentA) {
        applied.add(new Applied(c, true, Map.copyOf(outletCurrentA)));
    }

    /** The next applied curtailment, waiting up to the timeout; null if none. */
    public Applied next(long timeout, TimeUnit unit) throws InterruptedException {
        return applied.poll(timeout, unit);
    }

    public List<Applied> drain() {
        List<Applied> list = new java.util.ArrayList<>();
        applied.drainTo(list);
        return list;
    }
}
