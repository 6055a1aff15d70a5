package org.chargeflex.cio.grid;

/** What a curtailment limits: all sessions at one station, or at all stations on one grid connection point. */
enum CurtailmentScope {
    STATION("station"), GRID_CONNECTION_POINT("grid connection point");

    private final String description;

    CurtailmentScope(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
