package org.chargeflex.cio.system;

/** Shared pieces of the station API ({@code /api/v1/stations/{stationId}/...}). */
public final class StationApi {
    /** The base path; security lets only the station {@code stationId} itself in. */
    public static final String BASE = "/api/v1/stations/{stationId}";

    private StationApi() {
    }

    /** A station may only send data for itself: the station id in the body must be the one in the path. */
    public static void requireSameStation(String pathStationId, String bodyStationId) {
        if (!pathStationId.equals(bodyStationId)) {
            throw Problems.forbidden("station '" + pathStationId + "' may not send data for station '" + bodyStationId + "'");
        }
    }
}
