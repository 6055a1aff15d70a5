package org.chargeflex.station.driver.m3b;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverInfo;
import org.chargeflex.station.api.driver.DriverService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The M3B driver (id {@code m3b}). Device address {@code tcp://host:port} or a serial device path; settings and
 * channel addresses in docs/m3b-protocol.md. Each connect opens the transport and performs the version handshake; a
 * board that cannot be reached or refuses the handshake is a {@link ConnectionException} (the data manager retries
 * with back-off), a malformed address or setting an {@link ArgumentSyntaxException}. Health counters are kept per
 * device address across reconnects.
 */
@Component(service = DriverService.class, configurationPid = "org.chargeflex.station.driver.m3b",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Config.class)
public class M3bDriver implements DriverService {
    static final String ID = "m3b";
    private final Map<String, LinkCounters> counters = new ConcurrentHashMap<>();
    private volatile Timing defaults = Timing.DEFAULTS;

    /** With the built-in defaults (the component starts like this when it has no configuration). */
    public M3bDriver() {
    }

    @Activate
    @Modified
    void activate(Config config) {
        this.defaults = Timing.of(config);
    }

    @Override
    public DriverInfo getInfo() {
        return new DriverInfo(ID, "M3B charging board: CP/PWM, contactor, lock, RFID, metering, CAN tunnel",
                "tcp://host:port (ser2net) or a serial device path such as /dev/ttyUSB0",
                "cp_state, pwm_duty, current_limit, contactor, ..., with parameter outlet (see docs/m3b-protocol.md)");
    }

    @Override
    public Connection connect(DeviceConfig device) throws ArgumentSyntaxException, ConnectionException {
        DeviceSettings s = DeviceSettings.parse(device, defaults);
        LinkCounters c = counters.computeIfAbsent(s.describe(), k -> new LinkCounters());
        Transport transport;
        try {
            transport = s.isTcp() ? new TcpTransport(s.tcpHost(), s.tcpPort(), s.timing().connectTimeoutMillis())
                    : serial(s);
        } catch (IOException e) {
            throw new ConnectionException("m3b: cannot open " + s.describe() + ": " + e.getMessage(), e);
        }
        BoardLink link = BoardLink.open(transport, s.timing(), c);
        return new M3bConnection(link, c, s.maxCurrent());
    }

    /**
     * Opens a serial port. jSerialComm loads its native library (extracted to {@code ~/.jSerialComm} or
     * {@code java.io.tmpdir}) on first use; when that fails (no writable directory, unsupported platform) serial
     * devices cannot connect, reported as a {@link ConnectionException}, while {@code tcp://} devices, which never
     * touch jSerialComm, keep working.
     */
    private static Transport serial(DeviceSettings s) throws IOException, ConnectionException {
        try {
            return new SerialTransport(s.serialPort(), s.serial());
        } catch (LinkageError e) {
            throw new ConnectionException("m3b: serial ports are unavailable, jSerialComm's native library could not"
                    + " be loaded (it needs a writable ~/.jSerialComm or java.io.tmpdir): " + e, e);
        }
    }
}
