package org.chargeflex.cio.station;

/**
 * A grid connection point (a feeder or transformer) with the power that all stations on it may draw together.
 *
 * @param maxPowerW the DNO's limit, W
 */
public record GridConnectionPoint(String id, String name, double maxPowerW) {
}
