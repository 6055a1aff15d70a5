package org.chargeflex.station.driver.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.junit.jupiter.api.Test;

class VirtualDriverTest {
    private final VirtualDriver driver = new VirtualDriver();

    private Connection connect(String address) throws Exception {
        return driver.connect(new DeviceConfig("dev", address, Map.of()));
    }

    @Test
    void constantIsConvertedToTheChannelType() throws Exception {
        ChannelRecordContainer c = new ChannelRecordContainer("constant", ValueType.LONG, Map.of("value", "230"));
        connect("a").read(List.of(c));
        assertThat(c.getRecord().getFlag()).isEqualTo(Flag.VALID);
        assertThat(c.getRecord().getValue()).isEqualTo(Value.of(230L));
    }

    @Test
    void rampStaysWithinItsBounds() throws Exception {
        ChannelRecordContainer c = new ChannelRecordContainer("ramp", ValueType.DOUBLE,
                Map.of("min", "10", "max", "20", "periodMillis", "1000"));
        connect("a").read(List.of(c));
        assertThat(c.getRecord().getValue().asDouble()).isBetween(10.0, 20.0);
    }

    @Test
    void registersKeepWrittenValuesAcrossConnectionsOfTheSameDevice() throws Exception {
        Connection first = connect("shared");
        ChannelValueContainer w = new ChannelValueContainer("register", Map.of("name", "limit"), Value.of(16.0));
        first.write(List.of(w));
        assertThat(w.getFlag()).isEqualTo(Flag.VALID);
        first.close();

        ChannelRecordContainer r = new ChannelRecordContainer("register", ValueType.DOUBLE, Map.of("name", "limit"));
        connect("shared").read(List.of(r));
        assertThat(r.getRecord().getValue()).isEqualTo(Value.of(16.0));

        ChannelRecordContainer other = new ChannelRecordContainer("register", ValueType.DOUBLE, Map.of("name", "limit"));
        connect("other-device").read(List.of(other));
        assertThat(other.getRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);
    }

    @Test
    void writesArePushedToListeningChannelsOfTheRegister() throws Exception {
        Connection c = connect("l");
        ChannelRecordContainer listened = new ChannelRecordContainer("register", ValueType.LONG, Map.of("name", "x"));
        List<ChannelRecordContainer> received = new ArrayList<>();
        c.startListening(List.of(listened), new RecordsReceivedListener() {
            @Override
            public void newRecords(List<ChannelRecordContainer> containers) {
                received.addAll(containers);
            }

            @Override
            public void connectionInterrupted(Connection connection, ConnectionException cause) {
                throw new AssertionError("not expected");
            }
        });
        c.write(List.of(new ChannelValueContainer("register", Map.of("name", "x"), Value.of(7.0))));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getRecord().getValue()).isEqualTo(Value.of(7L));
    }

    @Test
    void signalsRefuseWritesAndUnknownAddressesAreFlagged() throws Exception {
        Connection c = connect("a");
        ChannelValueContainer ramp = new ChannelValueContainer("ramp", Map.of(), Value.of(1.0));
        ChannelValueContainer bogus = new ChannelValueContainer("bogus", Map.of(), Value.of(1.0));
        ChannelRecordContainer read = new ChannelRecordContainer("bogus", ValueType.DOUBLE, Map.of());
        c.write(List.of(ramp, bogus));
        c.read(List.of(read));
        assertThat(ramp.getFlag()).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(bogus.getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(read.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
    }

    @Test
    void badParametersAreFlaggedNotThrown() throws Exception {
        ChannelRecordContainer c = new ChannelRecordContainer("ramp", ValueType.DOUBLE, Map.of("min", "abc"));
        ChannelRecordContainer noName = new ChannelRecordContainer("register", ValueType.DOUBLE, Map.of());
        connect("a").read(List.of(c, noName));
        assertThat(c.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
        assertThat(noName.getRecord().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
    }

    @Test
    void unreachableDeviceAndUnknownSettingsFailToConnect() {
        assertThatThrownBy(() -> driver.connect(new DeviceConfig("d", "x", Map.of("unreachable", "true"))))
                .isInstanceOf(ConnectionException.class);
        assertThatThrownBy(() -> driver.connect(new DeviceConfig("d", "x", Map.of("baud", "9600"))))
                .isInstanceOf(ArgumentSyntaxException.class).hasMessageContaining("baud");
    }

    @Test
    void closedConnectionThrowsConnectionException() throws Exception {
        Connection c = connect("a");
        c.close();
        assertThatThrownBy(() -> c.read(List.of())).isInstanceOf(ConnectionException.class);
    }
}
