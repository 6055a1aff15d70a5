package org.chargeflex.station.driver.m3b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.junit.jupiter.api.Test;

class DeviceSettingsTest {

    private static DeviceSettings parse(String address, Map<String, String> settings) throws Exception {
        return DeviceSettings.parse(new DeviceConfig("d", address, settings), Timing.DEFAULTS);
    }

    @Test
    void tcpAddressAndTimingOverrides() throws Exception {
        DeviceSettings s = parse("tcp://board.local:5020", Map.of("maxCurrent", "32", "retries", "4"));
        assertThat(s.isTcp()).isTrue();
        assertThat(s.tcpHost()).isEqualTo("board.local");
        assertThat(s.tcpPort()).isEqualTo(5020);
        assertThat(s.timing().retries()).isEqualTo(4);
        assertThat(s.timing().requestTimeoutMillis()).isEqualTo(Timing.DEFAULTS.requestTimeoutMillis());
    }

    @Test
    void serialLineSettingsAreTypedAndSeparate() throws Exception {
        DeviceSettings s = parse("/dev/ttyUSB0", Map.of("maxCurrent", "16", "baudRate", "57600", "parity", "even",
                "dataBits", "7", "stopBits", "2"));
        assertThat(s.serial()).isEqualTo(new SerialSettings(57600, 7, SerialSettings.Parity.EVEN,
                SerialSettings.StopBits.TWO));
        assertThat(parse("COM3", Map.of("maxCurrent", "16")).serial()).isEqualTo(SerialSettings.DEFAULTS);
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parse("tcp://h:1", Map.of())).isInstanceOf(ArgumentSyntaxException.class)
                .hasMessageContaining("'maxCurrent'").hasMessageContaining("required");
        assertThatThrownBy(() -> parse("tcp://h:1", Map.of("maxCurrent", "100")))
                .hasMessageContaining("maxCurrent must be a number 6.0..80.0");
        assertThatThrownBy(() -> parse("tcp://h:1", Map.of("maxCurrent", "16", "baudRate", "9600")))
                .hasMessageContaining("unknown device setting 'baudRate'").hasMessageContaining("serial server");
        assertThatThrownBy(() -> parse("/dev/ttyS0", Map.of("maxCurrent", "16", "serial", "9600:8:N:1")))
                .hasMessageContaining("unknown device setting 'serial'");
        assertThatThrownBy(() -> parse("/dev/ttyS0", Map.of("maxCurrent", "16", "parity", "weird")))
                .hasMessageContaining("parity must be none, odd, even, mark or space");
        assertThatThrownBy(() -> parse("/dev/ttyS0", Map.of("maxCurrent", "16", "stopBits", "3")))
                .hasMessageContaining("stopBits must be 1, 1.5 or 2");
        assertThatThrownBy(() -> parse("tcp://h", Map.of("maxCurrent", "16"))).hasMessageContaining("tcp://host:port");
        assertThatThrownBy(() -> parse("udp://h:1", Map.of("maxCurrent", "16")))
                .hasMessageContaining("tcp://host:port or a serial device path");
        assertThatThrownBy(() -> parse("tcp://h:1", Map.of("maxCurrent", "16", "heartbeatIntervalMillis", "4000")))
                .hasMessageContaining("at most half of boardHeartbeatTimeoutMillis");
        assertThatThrownBy(() -> parse("tcp://h:1", Map.of("maxCurrent", "16", "retries", "x")))
                .hasMessageContaining("retries must be an integer");
    }

    @Test
    void theDriverReportsBadConfigurationAsArgumentSyntaxException() {
        assertThatThrownBy(() -> new M3bDriver().connect(new DeviceConfig("d", "tcp://h:1", Map.of())))
                .isInstanceOf(ArgumentSyntaxException.class);
    }
}
