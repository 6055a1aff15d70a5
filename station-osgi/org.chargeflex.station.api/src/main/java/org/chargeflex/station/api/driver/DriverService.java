package org.chargeflex.station.api.driver;

import java.util.List;
import java.util.Map;

/**
 * A driver for one kind of device (the M3B board, a virtual device, ...), registered as an OSGi service. The data
 * manager finds drivers by {@link DriverInfo#id()} and connects them to the devices of the channel configuration.
 *
 * <h2>Error contract</h2>
 * <ul>
 * <li>{@link #connect} throws {@link ArgumentSyntaxException} when the device address or settings are malformed (not
 * retried until the configuration changes) and {@link ConnectionException} when the device cannot be reached (retried
 * with exponential back-off).</li>
 * <li>A driver never throws unchecked exceptions on purpose; the data manager treats one as a driver bug, flags the
 * channels {@code DRIVER_THREW_UNKNOWN_EXCEPTION} and retries like after a {@link ConnectionException}.</li>
 * <li>When the driver service goes away, every channel using it is flagged {@code DRIVER_UNAVAILABLE} until it
 * comes back, when the data manager connects again by itself.</li>
 * </ul>
 * See {@link Connection} for the contract of an open connection.
 */
public interface DriverService {

    DriverInfo getInfo();

    /**
     * Opens a connection to a device.
     *
     * @throws ArgumentSyntaxException when the address or a setting is malformed
     * @throws ConnectionException when the device cannot be reached now
     */
    Connection connect(DeviceConfig device) throws ArgumentSyntaxException, ConnectionException;

    /**
     * Looks for devices this driver could connect to (e.g. serial ports with a board answering). Drivers that
     * cannot scan return an empty list.
     *
     * @throws ArgumentSyntaxException when a scan setting is malformed
     * @throws ScanException when the scan fails
     */
    default List<DeviceConfig> scanForDevices(Map<String, String> settings)
            throws ArgumentSyntaxException, ScanException {
        return List.of();
    }
}
