package org.chargeflex.station.driver.m3b;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.DeviceConfig;

/**
 * A device's address and settings, validated. The address is {@code tcp://host:port} (a serial-to-TCP server such as
 * ser2net, whose own configuration sets the line parameters) or a serial device path ({@code /dev/ttyUSB0},
 * {@code COM3}). Settings (each one key; unknown keys are refused): {@code maxCurrent} (the hardware maximum in A,
 * required), the serial port's {@code baudRate}, {@code dataBits}, {@code parity}, {@code stopBits}, and overrides of
 * the driver's timing defaults ({@link Timing}).
 */
record DeviceSettings(String tcpHost, int tcpPort, String serialPort, SerialSettings serial, double maxCurrent,
        Timing timing) {

    private static final Set<String> SERIAL_KEYS = Set.of("baudRate", "dataBits", "parity", "stopBits");
    private static final Set<String> TIMING_KEYS = Set.of("requestTimeoutMillis", "retries",
            "heartbeatIntervalMillis", "boardHeartbeatTimeoutMillis", "meterIntervalMillis",
            "maxConsecutiveTimeouts", "connectTimeoutMillis");

    boolean isTcp() {
        return tcpHost != null;
    }

    String describe() {
        return isTcp() ? "tcp://" + tcpHost + ":" + tcpPort : serialPort;
    }

    static DeviceSettings parse(DeviceConfig device, Timing defaults) throws ArgumentSyntaxException {
        String address = device.deviceAddress().trim();
        Map<String, String> s = device.settings();
        Set<String> allowed = new TreeSet<>(TIMING_KEYS);
        allowed.add("maxCurrent");
        boolean tcp = address.startsWith("tcp://");
        if (!tcp) {
            allowed.addAll(SERIAL_KEYS);
        }
        for (String key : s.keySet()) {
            if (!allowed.contains(key)) {
                String hint = SERIAL_KEYS.contains(key) ? " (line settings of a tcp:// device belong in the"
                        + " serial server's configuration)" : "";
                throw new ArgumentSyntaxException("m3b: unknown device setting '" + key + "'" + hint
                        + "; allowed: " + allowed);
            }
        }
        double maxCurrent = maxCurrent(s.get("maxCurrent"));
        Timing timing = timing(s, defaults);
        if (tcp) {
            URI uri = tcpUri(address);
            return new DeviceSettings(uri.getHost(), uri.getPort(), null, null, maxCurrent, timing);
        }
        if (address.isEmpty() || address.contains("://")) {
            throw new ArgumentSyntaxException("m3b: device address must be tcp://host:port or a serial device path,"
                    + " got '" + device.deviceAddress() + "'");
        }
        return new DeviceSettings(null, 0, address, serial(s), maxCurrent, timing);
    }

    private static URI tcpUri(String address) throws ArgumentSyntaxException {
        try {
            URI uri = new URI(address);
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                    || !(uri.getPath() == null || uri.getPath().isEmpty()) || uri.getQuery() != null) {
                throw new URISyntaxException(address, "expected tcp://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ArgumentSyntaxException("m3b: '" + address + "' is not tcp://host:port", e);
        }
    }

    private static double maxCurrent(String v) throws ArgumentSyntaxException {
        if (v == null) {
            throw new ArgumentSyntaxException("m3b: the device setting 'maxCurrent' (the outlets' hardware maximum"
                    + " in A, " + PwmDuty.MIN_CURRENT + ".." + PwmDuty.MAX_CURRENT + ") is required");
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= PwmDuty.MIN_CURRENT && d <= PwmDuty.MAX_CURRENT) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new ArgumentSyntaxException("m3b: maxCurrent must be a number " + PwmDuty.MIN_CURRENT + ".."
                + PwmDuty.MAX_CURRENT + " (A), got '" + v + "'");
    }

    private static Timing timing(Map<String, String> s, Timing d) throws ArgumentSyntaxException {
        try {
            return new Timing(integer(s, "requestTimeoutMillis", d.requestTimeoutMillis()),
                    integer(s, "retries", d.retries()),
                    integer(s, "heartbeatIntervalMillis", d.heartbeatIntervalMillis()),
                    integer(s, "boardHeartbeatTimeoutMillis", d.boardHeartbeatTimeoutMillis()),
                    integer(s, "meterIntervalMillis", d.meterIntervalMillis()),
                    integer(s, "maxConsecutiveTimeouts", d.maxConsecutiveTimeouts()),
                    integer(s, "connectTimeoutMillis", d.connectTimeoutMillis()));
        } catch (IllegalArgumentException e) {
            throw new ArgumentSyntaxException("m3b: " + e.getMessage(), e);
        }
    }

    private static SerialSettings serial(Map<String, String> s) throws ArgumentSyntaxException {
        SerialSettings d = SerialSettings.DEFAULTS;
        try {
            int baud = integer(s, "baudRate", d.baudRate());
            if (baud < 300 || baud > 4_000_000) {
                throw new IllegalArgumentException("baudRate must be 300..4000000, got " + baud);
            }
            int dataBits = integer(s, "dataBits", d.dataBits());
            if (dataBits < 5 || dataBits > 8) {
                throw new IllegalArgumentException("dataBits must be 5..8, got " + dataBits);
            }
            SerialSettings.Parity parity = d.parity();
            if (s.containsKey("parity")) {
                try {
                    parity = SerialSettings.Parity.valueOf(s.get("parity").trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parity must be none, odd, even, mark or space, got '"
                            + s.get("parity") + "'");
                }
            }
            SerialSettings.StopBits stop = s.containsKey("stopBits") ? SerialSettings.StopBits.parse(s.get("stopBits"))
                    : d.stopBits();
            return new SerialSettings(baud, dataBits, parity, stop);
        } catch (IllegalArgumentException e) {
            throw new ArgumentSyntaxException("m3b: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> s, String key, int def) {
        String v = s.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
    }
}
