package org.chargeflex.station.charging.status;

import java.util.Map;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverInfo;
import org.chargeflex.station.api.driver.DriverService;
import org.chargeflex.station.charging.GridLimit;
import org.chargeflex.station.charging.session.StatusSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code charging} driver: makes the charging application's status readable as ordinary channels (REST, history).
 * Device address: an outlet id (its {@code session/...} channels) or {@code station} (the {@code outbox/...}
 * counters and the writable grid limit {@code grid/limit_w}). It is also the {@link StatusSink} the outlet
 * controllers publish to (a service private to this bundle).
 */
@Component(service = {DriverService.class, StatusSink.class})
public class StatusDriver implements DriverService, StatusSink {
    static final String ID = "charging";
    private final StatusBoard board = new StatusBoard(System::currentTimeMillis);

    @Reference
    private GridLimit grid;

    @Activate
    void activate() {
        StatusConnection.publishGridLimit(board, grid);
    }

    @Override
    public void publish(String deviceAddress, Map<String, Value> values) {
        board.publish(deviceAddress, values);
    }

    StatusBoard board() {
        return board;
    }

    @Override
    public DriverInfo getInfo() {
        return new DriverInfo(ID, "Charging application status (sessions, limits, CIO outbox; read-only) and the "
                + "station grid limit (writable)",
                "an outlet id as configured in the outlet's configuration, or 'station'",
                "session/state, session/applied_limit_a, ... or outbox/pending, ..., grid/limit_w "
                + "(docs/charging-app.md)");
    }

    @Override
    public Connection connect(DeviceConfig device) throws ArgumentSyntaxException {
        if (!device.settings().isEmpty()) {
            throw new ArgumentSyntaxException("charging driver: device '" + device.id()
                    + "' has settings, none are known: " + device.settings().keySet());
        }
        if (device.deviceAddress().isBlank()) {
            throw new ArgumentSyntaxException("charging driver: device '" + device.id()
                    + "' needs the outlet id (or 'station') as its device address");
        }
        return new StatusConnection(board(), device.deviceAddress(), grid);
    }
}
