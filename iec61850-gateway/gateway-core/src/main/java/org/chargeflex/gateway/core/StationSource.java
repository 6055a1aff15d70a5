package org.chargeflex.gateway.core;

import java.util.List;

/**
 * Where the gateway's station data comes from: the CIO's admin API in production ({@code cio.CioStationSource}), an
 * in-memory source in tests and demos. Calls may block (network); the gateway only calls them from its poller thread,
 * never from a protocol callback.
 */
public interface StationSource {

    /**
     * The station registry.
     *
     * @throws SourceException if it cannot be read; the gateway keeps serving the last registry
     */
    List<StationInfo> stations() throws SourceException;

    /**
     * The grid connection point registry (default: none).
     *
     * @throws SourceException if it cannot be read; the gateway keeps serving the last one
     */
    default List<GridConnectionPointInfo> gridConnectionPoints() throws SourceException {
        return List.of();
    }

    /**
     * The curtailments in force where they are applied (the CIO), read once when the gateway starts so that it serves
     * them as the limits in force (default: none).
     *
     * @throws SourceException if they cannot be read; the gateway then serves the ratings until the SCADA commands
     */
    default List<Curtailment> curtailments() throws SourceException {
        return List.of();
    }

    /**
     * The latest values of a station. Values the station does not have are {@link Reading#MISSING}; flagged channels
     * are {@link Quality#INVALID}.
     *
     * @throws SourceException if the station's data cannot be read at all; the gateway then serves the last values
     *                         as {@link Quality#OLD_DATA}
     */
    StationSnapshot read(StationInfo station) throws SourceException;
}
