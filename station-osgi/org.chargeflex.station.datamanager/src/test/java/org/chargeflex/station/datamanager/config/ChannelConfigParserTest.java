package org.chargeflex.station.datamanager.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.chargeflex.station.api.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelConfigParserTest {
    private static final String SRC = "conf/channels.json";

    /** The example of docs/channel-config.md. */
    static final String EXAMPLE = """
            { "drivers": [ { "id": "virtual", "devices": [ { "id": "meter1", "deviceAddress": "meter1",
                "settings": {"k": "v", "n": 3},
                "channels": [ { "label": "outlet1/power", "description": "Active power", "channelAddress": "ramp",
                  "parameters": {"min": "0", "max": "11000", "periodMillis": "60000"}, "valueType": "DOUBLE",
                  "unit": "W", "samplingIntervalMillis": 1000, "listening": false, "writable": false,
                  "scalingFactor": 1.0, "valueOffset": 0.0, "historyMaxRecords": 1000 },
                  { "label": "outlet1/limit", "channelAddress": "limit", "valueType": "LONG" } ] } ] } ] }
            """;

    private static String oneChannel(String channelFields) {
        return "{\"drivers\": [{\"id\": \"virtual\", \"devices\": [{\"id\": \"meter1\", \"channels\": [{"
                + channelFields + "}]}]}]}";
    }

    private static ConfigException rejected(String json) {
        try {
            ChannelConfigParser.parse(json, SRC);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void parsesTheDocumentedExampleWithEveryField() throws Exception {
        StationConfig config = ChannelConfigParser.parse(EXAMPLE, SRC);

        assertThat(config.devices()).hasSize(1);
        DeviceSpec device = config.devices().get(0);
        assertThat(device.key()).isEqualTo(new DeviceKey("virtual", "meter1"));
        assertThat(device.deviceAddress()).isEqualTo("meter1");
        assertThat(device.settings()).isEqualTo(Map.of("k", "v", "n", "3"));
        ChannelConfig power = device.channels().get(0);
        assertThat(power).isEqualTo(new ChannelConfig("outlet1/power", "Active power", "ramp",
                Map.of("min", "0", "max", "11000", "periodMillis", "60000"), ValueType.DOUBLE, "W", 1000, false,
                false, 1.0, 0.0, OptionalInt.of(1000)));
        assertThat(device.toDeviceConfig().setting("k", null)).isEqualTo("v");
    }

    @Test
    void optionalFieldsTakeTheirDefaults() throws Exception {
        ChannelConfig limit = ChannelConfigParser.parse(EXAMPLE, SRC).devices().get(0).channels().get(1);

        assertThat(limit).isEqualTo(ChannelConfig.of("outlet1/limit", "limit", ValueType.LONG));
        assertThat(limit.description()).isEmpty();
        assertThat(limit.unit()).isEmpty();
        assertThat(limit.samplingIntervalMillis()).isZero();
        assertThat(limit.listening()).isFalse();
        assertThat(limit.writable()).isFalse();
        assertThat(limit.scalingFactor()).isEqualTo(1.0);
        assertThat(limit.valueOffset()).isEqualTo(0.0);
        assertThat(limit.effectiveHistoryMaxRecords(777)).isEqualTo(777);
    }

    @Test
    void deviceFieldsAreOptionalExceptId() throws Exception {
        StationConfig config = ChannelConfigParser.parse(
                "{\"drivers\": [{\"id\": \"virtual\", \"devices\": [{\"id\": \"d\"}]}, {\"id\": \"m3b\"}]}", SRC);

        assertThat(config.devices()).containsExactly(new DeviceSpec("virtual", "d", "", Map.of(), List.of()));
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("channels.json");
        Files.writeString(file, EXAMPLE);
        assertThat(ChannelConfigParser.parse(file).channelCount()).isEqualTo(2);

        Files.writeString(file, oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"LONGG\""));
        assertThatThrownBy(() -> ChannelConfigParser.parse(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString() + ": ");
        assertThatThrownBy(() -> ChannelConfigParser.parse(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json: file not found");
    }

    @Test
    void unknownFieldsAreRejectedAtEveryLevel() {
        assertThat(rejected("{\"drivers\": [], \"driver\": 1}").getMessage())
                .contains(SRC + ": top level: field 'driver': unknown field");
        assertThat(rejected("{\"drivers\": [{\"id\": \"v\", \"devics\": []}]}").getMessage())
                .contains("driver 'v' (drivers[0]): field 'devics': unknown field");
        assertThat(rejected("{\"drivers\": [{\"id\": \"v\", \"devices\": [{\"id\": \"d\", \"adress\": \"x\"}]}]}")
                .getMessage()).contains("device 'd' (drivers[0].devices[0]): field 'adress': unknown field");
        assertThat(rejected(oneChannel(
                "\"label\": \"a/b\", \"channelAddress\": \"x\", \"valueType\": \"LONG\", \"sampling\": 5"))
                .getMessage())
                .isEqualTo(SRC + ": channel 'a/b' (drivers[0].devices[0].channels[0]): field 'sampling': unknown "
                        + "field (known fields: label, description, channelAddress, parameters, valueType, unit, "
                        + "samplingIntervalMillis, listening, writable, scalingFactor, valueOffset, "
                        + "historyMaxRecords)");
    }

    @Test
    void duplicateLabelsAreRejectedEvenAcrossDevices() {
        String json = "{\"drivers\": [{\"id\": \"v\", \"devices\": ["
                + "{\"id\": \"d1\", \"channels\": [{\"label\": \"p\", \"channelAddress\": \"x\", \"valueType\": \"LONG\"}]},"
                + "{\"id\": \"d2\", \"channels\": [{\"label\": \"p\", \"channelAddress\": \"y\", \"valueType\": \"LONG\"}]}"
                + "]}]}";

        assertThat(rejected(json).problems()).containsExactly(SRC + ": channel 'p' (drivers[0].devices[1].channels[0]): "
                + "field 'label': duplicate label 'p', already used by drivers[0].devices[0].channels[0]");
    }

    @Test
    void badValueTypeNamesTheChoices() {
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"double\""))
                .getMessage()).isEqualTo(SRC + ": channel 'a' (drivers[0].devices[0].channels[0]): field 'valueType': "
                        + "'double' is not a value type (one of [BOOLEAN, LONG, DOUBLE, STRING, BYTE_ARRAY])");
    }

    @Test
    void negativeOrFractionalIntervalsAreRejected() {
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"LONG\", "
                + "\"samplingIntervalMillis\": -5")).getMessage())
                .contains("channel 'a'", "field 'samplingIntervalMillis': -5 is out of range");
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"LONG\", "
                + "\"samplingIntervalMillis\": 2.5")).getMessage())
                .contains("field 'samplingIntervalMillis': must be a whole number");
    }

    @Test
    void scalingIsOnlyForNumericChannels() {
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"BOOLEAN\", "
                + "\"scalingFactor\": 2")).getMessage())
                .contains("channel 'a'", "field 'scalingFactor': only LONG and DOUBLE channels can be scaled, this "
                        + "one is BOOLEAN");
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"STRING\", "
                + "\"valueOffset\": 1")).getMessage())
                .contains("field 'valueOffset': only LONG and DOUBLE channels can be offset");
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"DOUBLE\", "
                + "\"scalingFactor\": 0")).getMessage()).contains("field 'scalingFactor': must not be 0");
    }

    @Test
    void identityScalingOnNonNumericChannelsIsAccepted() throws Exception {
        ChannelConfigParser.parse(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"STRING\", "
                + "\"scalingFactor\": 1, \"valueOffset\": 0"), SRC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a//b       | 'a//b' has an empty segment",
        "/a         | '/a' has an empty segment",
        "a/         | 'a/' has an empty segment",
        "a b        | segment 'a b' with characters other than",
        "a/history  | 'a/history' has a segment named 'history'",
        "history    | segment named 'history'",
        "a/../b     | has a segment '..'",
        "é          | segment 'é' with characters other than",
    })
    void labelSyntaxIsChecked(String label, String expected) {
        assertThat(rejected(oneChannel("\"label\": \"" + label + "\", \"channelAddress\": \"x\", \"valueType\": \"LONG\""))
                .getMessage()).contains("field 'label'", expected);
    }

    @Test
    void emptyLabelIsRejected() {
        assertThat(rejected(oneChannel("\"label\": \"\", \"channelAddress\": \"x\", \"valueType\": \"LONG\""))
                .getMessage()).contains("field 'label': must not be empty");
    }

    @Test
    void labelsMayUseTheFullAlphabet() throws Exception {
        ChannelConfigParser.parse(oneChannel(
                "\"label\": \"Outlet_1/meter-2/energy.total\", \"channelAddress\": \"x\", \"valueType\": \"LONG\""), SRC);
    }

    @Test
    void requiredFieldsAreNamed() {
        ConfigException e = rejected(oneChannel("\"description\": \"nothing else\""));

        assertThat(e.problems()).containsExactly(
                SRC + ": channel (drivers[0].devices[0].channels[0]): field 'label': is required",
                SRC + ": channel (drivers[0].devices[0].channels[0]): field 'channelAddress': is required",
                SRC + ": channel (drivers[0].devices[0].channels[0]): field 'valueType': is required");
        assertThat(rejected("{}").getMessage()).contains("top level: field 'drivers': is required");
        assertThat(rejected("{\"drivers\": [{\"devices\": []}]}").getMessage())
                .contains("driver (drivers[0]): field 'id': is required");
        assertThat(rejected("{\"drivers\": [{\"id\": \"v\", \"devices\": [{}]}]}").getMessage())
                .contains("device (drivers[0].devices[0]): field 'id': is required");
    }

    @Test
    void wrongJsonTypesAreRejected() {
        ConfigException e = rejected(oneChannel("\"label\": \"a\", \"channelAddress\": 5, \"valueType\": \"LONG\", "
                + "\"listening\": \"yes\", \"unit\": 3, \"parameters\": {\"p\": [1]}, \"scalingFactor\": \"2\""));

        assertThat(e.problems()).hasSize(5).allSatisfy(p -> assertThat(p).contains("channel 'a'"));
        assertThat(e.getMessage()).contains("field 'channelAddress': must be a string, not number 5",
                "field 'listening': must be true or false, not the string \"yes\"",
                "field 'unit': must be a string", "field 'parameters': value of 'p' must be a string",
                "field 'scalingFactor': must be a finite number");
        assertThat(rejected("{\"drivers\": {}}").getMessage()).contains("field 'drivers': must be an array");
        assertThat(rejected("[]").getMessage()).contains("the top level must be an object");
    }

    @Test
    void historyBoundMustBeZeroOrAtLeastTwo() throws Exception {
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"LONG\", "
                + "\"historyMaxRecords\": 1")).getMessage()).contains("field 'historyMaxRecords': 1 is out of range");
        assertThat(rejected(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"LONG\", "
                + "\"historyMaxRecords\": -1")).getMessage()).contains("field 'historyMaxRecords'");
        ChannelConfig none = ChannelConfigParser.parse(oneChannel("\"label\": \"a\", \"channelAddress\": \"x\", "
                + "\"valueType\": \"LONG\", \"historyMaxRecords\": 0"), SRC).devices().get(0).channels().get(0);
        assertThat(none.effectiveHistoryMaxRecords(500)).isZero();
    }

    @Test
    void malformedJsonGivesThePosition() {
        assertThat(rejected("{\"drivers\": [\n  {\"id\": \"v\",, }]}").getMessage())
                .startsWith(SRC + ": not valid JSON at line 2, column");
        assertThat(rejected("").getMessage()).isEqualTo(SRC + ": the file is empty; expected {\"drivers\": [...]}");
        assertThat(rejected("{\"drivers\": []} {}").getMessage()).contains("not valid JSON");
    }

    @Test
    void duplicateJsonKeysAreRejected() {
        assertThat(rejected(oneChannel("\"label\": \"a\", \"label\": \"b\", \"channelAddress\": \"x\", "
                + "\"valueType\": \"LONG\"")).getMessage()).contains("not valid JSON", "Duplicate field 'label'");
    }

    @Test
    void duplicateDevicesAndDriverEntriesAreRejected() {
        assertThat(rejected("{\"drivers\": [{\"id\": \"v\", \"devices\": [{\"id\": \"d\"}, {\"id\": \"d\"}]}]}")
                .getMessage()).contains("device 'd' (drivers[0].devices[1]): field 'id': device 'd' is listed twice");
        assertThat(rejected("{\"drivers\": [{\"id\": \"v\"}, {\"id\": \"v\"}]}").getMessage())
                .contains("driver 'v' (drivers[1]): field 'id': driver 'v' is listed twice");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String json = "{\"drivers\": [{\"id\": \"v\", \"devices\": [{\"id\": \"d\", \"channels\": ["
                + "{\"label\": \"a\", \"channelAddress\": \"x\", \"valueType\": \"FLOAT\"},"
                + "{\"label\": \"b//c\", \"channelAddress\": \"y\", \"valueType\": \"LONG\"},"
                + "{\"label\": \"d\", \"channelAddress\": \"z\", \"valueType\": \"LONG\", \"samplingIntervalMillis\": -1}"
                + "]}]}]}";

        assertThat(rejected(json).problems()).hasSize(3);
    }
}
