package org.chargeflex.station.api.driver;

import java.util.List;

/**
 * An open connection to one device, made by {@link DriverService#connect(DeviceConfig)}. The data manager calls one
 * method at a time per connection (never concurrently), except {@link #close()}, which may come from another thread
 * to abort a hanging call.
 *
 * <h2>Error contract</h2>
 * <ul>
 * <li>{@link ConnectionException}: the connection is broken. The data manager closes it, flags every channel of the
 * device (e.g. {@code CONNECTION_EXCEPTION}) and reconnects with exponential back-off. A driver never tries to hide a
 * broken link by reconnecting inside a read.</li>
 * <li>Problems with one channel (bad address, a value the device refused, a per-channel timeout) are reported as that
 * channel's flag in its container; the call returns normally and the other channels keep working.</li>
 * <li>Unchecked exceptions are a driver bug. The data manager catches them, flags the channels
 * {@code DRIVER_THREW_UNKNOWN_EXCEPTION} and treats the connection as broken.</li>
 * <li>A call that does not return within the configured timeout is flagged {@code TIMEOUT}; after repeated
 * timeouts the connection is closed and reopened.</li>
 * </ul>
 */
public interface Connection extends AutoCloseable {

    /**
     * Reads the channels and sets a record on every container.
     *
     * @throws ConnectionException when the connection is broken
     */
    void read(List<ChannelRecordContainer> containers) throws ConnectionException;

    /**
     * Starts pushing new records of these channels to the listener, replacing any earlier listening set. A driver
     * that cannot listen sets {@code ACCESS_DENIED} on each container's record and returns.
     *
     * @throws ConnectionException when the connection is broken
     */
    void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener listener)
            throws ConnectionException;

    /**
     * Writes the values and sets a flag on every container: {@code VALID} where the device accepted the value.
     *
     * @throws ConnectionException when the connection is broken
     */
    void write(List<ChannelValueContainer> containers) throws ConnectionException;

    /**
     * The channels the device offers.
     *
     * @throws ConnectionException when the connection is broken
     * @throws ScanException when the device cannot be scanned
     */
    List<ChannelScanInfo> scanForChannels() throws ScanException, ConnectionException;

    /** Closes the connection and releases its resources. Idempotent; never throws. */
    @Override
    void close();
}
