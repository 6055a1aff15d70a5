package org.chargeflex.cio.station;

/**
 * An outlet of a station.
 *
 * @param id        the outlet id, as the station names it
 * @param maxPowerW the outlet's hardware limit, W
 * @param phases    phases wired to it, 1 to 3
 */
public record Outlet(String id, double maxPowerW, int phases) {
}
