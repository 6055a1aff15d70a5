package org.chargeflex.station.driver.virtual;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverInfo;
import org.chargeflex.station.api.driver.DriverService;
import org.osgi.service.component.annotations.Component;

/**
 * The virtual driver. Device settings: {@code unreachable} ("true" makes every connect fail with a
 * {@link ConnectionException}, to exercise reconnects). Register values of a device address outlive its
 * connections, as a real device's would.
 */
@Component(service = DriverService.class)
public class VirtualDriver implements DriverService {
    static final String ID = "virtual";
    private static final Set<String> SETTINGS = Set.of("unreachable");

    private final Map<String, RegisterBank> banks = new ConcurrentHashMap<>();

    @Override
    public DriverInfo getInfo() {
        return new DriverInfo(ID, "Virtual device: signals and loopback registers, no hardware",
                "any name; devices with the same name share registers",
                "constant | ramp | sine | register | slow (parameters: see docs/channel-config.md)");
    }

    @Override
    public Connection connect(DeviceConfig device) throws ArgumentSyntaxException, ConnectionException {
        for (String key : device.settings().keySet()) {
            if (!SETTINGS.contains(key)) {
                throw new ArgumentSyntaxException("virtual driver: unknown device setting '" + key
                        + "' of device '" + device.id() + "'; known: " + SETTINGS);
            }
        }
        String unreachable = device.setting("unreachable", "false");
        if (!unreachable.equals("true") && !unreachable.equals("false")) {
            throw new ArgumentSyntaxException("virtual driver: setting 'unreachable' must be true or false, got '"
                    + unreachable + "'");
        }
        if (unreachable.equals("true")) {
            throw new ConnectionException("virtual device '" + device.deviceAddress() + "' is configured unreachable");
        }
        RegisterBank bank = banks.computeIfAbsent(device.deviceAddress(), a -> new RegisterBank());
        return new VirtualConnection(bank, System::currentTimeMillis);
    }
}
