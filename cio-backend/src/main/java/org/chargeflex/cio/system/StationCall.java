package org.chargeflex.cio.system;

/** A call of a {@link StationEndpoint}: an authenticated station's request. */
public interface StationCall {
    /** The station, as the path names it; the authenticated station is this one. */
    String stationId();

    /** A path variable of the endpoint's path, e.g. {@code sessionId}. */
    String variable(String name);

    /**
     * The request body as {@code type} (JSON).
     *
     * @throws RuntimeException a 400 problem naming the field and the reason if the body is missing or malformed, a
     *                          415 problem if it is not JSON (a {@link Problems} exception, rendered as such)
     */
    <T> T body(Class<T> type);

    /** A station may only send data for itself: the station id in the body must be the one in the path (else 403). */
    default void requireSameStation(String bodyStationId) {
        StationApi.requireSameStation(stationId(), bodyStationId);
    }
}
