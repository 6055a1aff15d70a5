package org.chargeflex.station.datamanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chargeflex.station.datamanager.ChannelsJson.channel;
import static org.chargeflex.station.datamanager.ChannelsJson.device;
import static org.chargeflex.station.datamanager.ChannelsJson.driver;
import static org.chargeflex.station.datamanager.ChannelsJson.root;

import java.nio.file.Path;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synchronous reads and writes routed to the right driver, with type conversion and scaling. */
class RoutingTest {
    @TempDir
    Path dir;
    private Station station;
    private final RecordingDriver a = new RecordingDriver("a");
    private final RecordingDriver b = new RecordingDriver("b");

    @BeforeEach
    void start() {
        a.set("x", Value.of(1.0));
        b.set("x", Value.of(2.0));
        a.set("raw", Value.of(1234L));
        a.set("tenths", Value.of(5L));
        a.set("text", Value.of("abc"));
        station = new Station(dir, root(
                driver("a", device("dev",
                        channel("a/x", "x", "DOUBLE", "\"writable\": true"),
                        channel("a/scaled", "raw", "DOUBLE",
                                "\"writable\": true, \"scalingFactor\": 0.1, \"valueOffset\": -3"),
                        channel("a/long", "tenths", "LONG", "\"writable\": true, \"scalingFactor\": 10"),
                        channel("a/text", "text", "DOUBLE", ""),
                        channel("a/readonly", "x", "DOUBLE", ""),
                        channel("a/rejecting", "readonly1", "LONG", "\"writable\": true"))),
                driver("b", device("dev", channel("b/x", "x", "DOUBLE", "\"writable\": true")))));
        station.drivers.add(a);
        station.drivers.add(b);
        station.start();
    }

    @AfterEach
    void close() {
        station.close();
    }

    @Test
    void readsGoToTheChannelsDriver() {
        assertThat(station.channel("a/x").read().getValue()).isEqualTo(Value.of(1.0));
        assertThat(station.channel("b/x").read().getValue()).isEqualTo(Value.of(2.0));
        assertThat(station.channel("b/x").getLatestRecord().getValue()).isEqualTo(Value.of(2.0));
    }

    @Test
    void writesGoToTheChannelsDriverAndBecomeTheLatestRecord() {
        Channel ax = station.channel("a/x");
        RecordLog log = new RecordLog();
        ax.addListener(log);

        assertThat(ax.write(Value.of(5L))).isEqualTo(Flag.VALID);

        assertThat(a.get("x")).isEqualTo(Value.of(5.0)); // converted to the channel type before the driver
        assertThat(b.get("x")).isEqualTo(Value.of(2.0));
        assertThat(ax.getLatestRecord().getValue()).isEqualTo(Value.of(5.0));
        assertThat(ax.getHistory(0, Long.MAX_VALUE)).extracting(Record::getValue).containsExactly(Value.of(5.0));
        Await.until("listener told", () -> log.size() == 1);
        assertThat(station.channel("b/x").write(Value.of(7.0))).isEqualTo(Flag.VALID);
        assertThat(b.get("x")).isEqualTo(Value.of(7.0));
        assertThat(a.get("x")).isEqualTo(Value.of(5.0));
    }

    @Test
    void scalesReadsAndUnscalesWrites() {
        assertThat(station.channel("a/scaled").read().getValue().asDouble()).isCloseTo(120.4, within(1e-9));
        assertThat(station.channel("a/scaled").write(Value.of(50.0))).isEqualTo(Flag.VALID);
        assertThat(a.get("raw").asDouble()).isCloseTo(530.0, within(1e-9));
        assertThat(station.channel("a/scaled").read().getValue().asDouble()).isCloseTo(50.0, within(1e-9));

        assertThat(station.channel("a/long").read().getValue()).isEqualTo(Value.of(50L));
        assertThat(station.channel("a/long").write(Value.of(70L))).isEqualTo(Flag.VALID);
        assertThat(a.get("tenths")).isEqualTo(Value.of(7L));
        assertThat(station.channel("a/long").getLatestRecord().getValue()).isEqualTo(Value.of(70L));
    }

    @Test
    void refusedWritesSayWhyAndLeaveTheDriverAlone() {
        Channel readonly = station.channel("a/readonly");
        assertThat(readonly.write(Value.of(3.0))).isEqualTo(Flag.ACCESS_DENIED);
        assertThat(station.channel("a/x").write(Value.of("not a number"))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(station.channel("a/x").write(Value.of(new byte[] {1}))).isEqualTo(Flag.INVALID_VALUE);
        assertThat(station.channel("a/x").write(null)).isEqualTo(Flag.CANNOT_WRITE_NULL_VALUE);
        assertThat(a.get("x")).isEqualTo(Value.of(1.0));
        assertThat(station.channel("a/x").getLatestRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);

        Channel rejecting = station.channel("a/rejecting");
        assertThat(rejecting.write(Value.of(1L))).isEqualTo(Flag.DEVICE_REJECTED_VALUE);
        assertThat(rejecting.getLatestRecord().getFlag()).isEqualTo(Flag.NO_VALUE_RECEIVED_YET);
    }

    @Test
    void aDriverValueOfTheWrongTypeIsFlaggedInvalid() {
        Record r = station.channel("a/text").read();
        assertThat(r.getFlag()).isEqualTo(Flag.INVALID_VALUE);
        assertThat(station.channel("a/text").getLatestRecord()).isEqualTo(r);
    }

    @Test
    void unknownChannelAddressesComeBackAsTheDriversFlag() throws Exception {
        a.set("x", Value.of(1.0));
        station.writeChannels(root(driver("a", device("dev", channel("a/ghost", "nothing", "LONG", "")))));
        station.dm().reload();
        assertThat(station.channel("a/ghost").read().getFlag()).isEqualTo(Flag.INVALID_CHANNEL_ADDRESS);
    }

    @Test
    void describesTheChannelAsConfigured() {
        Channel c = station.channel("a/scaled");
        assertThat(c.getValueType()).isEqualTo(ValueType.DOUBLE);
        assertThat(c.isWritable()).isTrue();
        assertThat(c.isListening()).isFalse();
        assertThat(c.getChannelAddress()).isEqualTo("raw");
        assertThat(c.getSamplingIntervalMillis()).isZero();
        assertThat(station.dm().getAllLabels()).containsExactly("a/long", "a/readonly", "a/rejecting", "a/scaled",
                "a/text", "a/x", "b/x");
        assertThat(station.dm().getLabelsUnder("b")).containsExactly("b/x");
        assertThat(station.dm().getChannel("nope")).isEmpty();
    }
}
