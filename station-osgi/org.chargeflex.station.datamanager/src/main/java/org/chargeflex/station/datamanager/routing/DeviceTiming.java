package org.chargeflex.station.datamanager.routing;

/** The time limits a device handler works with; read afresh for every call so that changes apply at once. */
public record DeviceTiming(long driverTimeoutMillis, long reconnectMinMillis, long reconnectMaxMillis) {
}
