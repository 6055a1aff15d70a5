package org.chargeflex.gateway.core.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;

/** A stand-in station source for tests and demos: holds snapshots set by the caller; can be made to fail. */
public final class InMemoryStationSource implements StationSource {
    private final Map<String, StationSnapshot> stations = new LinkedHashMap<>();
    private final Map<String, GridConnectionPointInfo> gcps = new LinkedHashMap<>();
    private final Map<CurtailmentTarget, Curtailment> curtailments = new LinkedHashMap<>();
    private volatile boolean failing;

    /** Adds or replaces a station with its values. */
    public synchronized InMemoryStationSource put(StationSnapshot snapshot) {
        stations.put(snapshot.id(), snapshot);
        return this;
    }

    /** Adds or replaces a grid connection point. */
    public synchronized InMemoryStationSource put(GridConnectionPointInfo gcp) {
        gcps.put(gcp.id(), gcp);
        return this;
    }

    @Override
    public synchronized List<GridConnectionPointInfo> gridConnectionPoints() throws SourceException {
        check();
        return new ArrayList<>(gcps.values());
    }

    /** Sets a curtailment in force for its target (read by the core on each poll), replacing the target's last one. */
    public synchronized InMemoryStationSource put(Curtailment c) {
        curtailments.put(c.target(), c);
        return this;
    }

    /** Lifts the curtailment in force for a target, if any. */
    public synchronized InMemoryStationSource lift(CurtailmentTarget target) {
        curtailments.remove(target);
        return this;
    }

    @Override
    public synchronized List<Curtailment> curtailments() throws SourceException {
        check();
        return new ArrayList<>(curtailments.values());
    }

    public synchronized void remove(String stationId) {
        stations.remove(stationId);
    }

    /** While failing, every call throws (like an unreachable CIO). */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized List<StationInfo> stations() throws SourceException {
        check();
        return new ArrayList<>(stations.values().stream().map(StationSnapshot::info).toList());
    }

    @Override
    public synchronized StationSnapshot read(StationInfo station) throws SourceException {
        check();
        StationSnapshot s = stations.get(station.id());
        if (s == null) {
            throw new SourceException("no station " + station.id());
        }
        return s;
    }

    private void check() throws SourceException {
        if (failing) {
            throw new SourceException("in-memory source set to fail");
        }
    }
}
