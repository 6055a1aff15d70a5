package org.chargeflex.gateway.core.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;

/** A stand-in station source for tests and demos: holds snapshots set by the caller; can be made to fail. */
public final class InMemoryStationSource implements StationSource {
    private final Map<String, StationSnapshot> stations = new LinkedHashMap<>();
    private final Map<String, GridConnectionPointInfo> gcps = new LinkedHashMap<>();
    private final List<Curtailment> curtailments = new ArrayList<>();
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

    /** Adds a curtailment in force (read by the core at start). */
    public synchronized InMemoryStationSource put(Curtailment c) {
        curtailments.add(c);
        return this;
    }

    @Override
    public synchronized List<Curtailment> curtailments() throws SourceException {
        check();
        return new ArrayList<>(curtailments);
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
