package org.chargeflex.station.datamanager;

import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverInfo;
import org.chargeflex.station.api.driver.DriverService;
import org.chargeflex.station.api.test.FakeDriver;

/** A driver that rejects the device address "bad" as malformed and otherwise behaves like a {@link FakeDriver}. */
public final class MalformedAddressDriver implements DriverService {
    private final FakeDriver delegate;
    private final AtomicInteger badConnects = new AtomicInteger();

    public MalformedAddressDriver(FakeDriver delegate) {
        this.delegate = delegate;
    }

    @Override
    public DriverInfo getInfo() {
        return delegate.getInfo();
    }

    @Override
    public Connection connect(DeviceConfig device) throws ArgumentSyntaxException, ConnectionException {
        if (device.deviceAddress().equals("bad")) {
            badConnects.incrementAndGet();
            throw new ArgumentSyntaxException("device address 'bad' is malformed");
        }
        return delegate.connect(device);
    }

    public int badConnects() {
        return badConnects.get();
    }
}
