package org.chargeflex.station.datamanager.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.chargeflex.station.api.ValueType;

/**
 * Reads and validates the channels file (format: docs/channel-config.md). A file with any problem is rejected whole
 * with a {@link ConfigException} listing every problem, each naming the file, the channel (or device, driver) and the
 * field.
 */
public final class ChannelConfigParser {
    static final Set<String> ROOT_FIELDS = ordered("drivers");
    static final Set<String> DRIVER_FIELDS = ordered("id", "devices");
    static final Set<String> DEVICE_FIELDS = ordered("id", "deviceAddress", "settings", "channels");
    static final Set<String> CHANNEL_FIELDS = ordered("label", "description", "channelAddress", "parameters",
            "valueType", "unit", "samplingIntervalMillis", "listening", "writable", "scalingFactor", "valueOffset",
            "historyMaxRecords");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ChannelConfigParser() {
    }

    public static StationConfig parse(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the file: " + e, e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses JSON text; {@code source} names it in messages (normally the file path). */
    public static StationConfig parse(String json, String source) throws ConfigException {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static StationConfig parse(byte[] json, String source) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(source + ": not valid JSON" + position + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read the JSON: " + e, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(List.of(source + ": the file is empty; expected {\"drivers\": [...]}"));
        }
        Walker walker = new Walker(source);
        StationConfig config = walker.root(root);
        if (!walker.problems.isEmpty()) {
            throw new ConfigException(walker.problems);
        }
        return config;
    }

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** One pass over the tree, collecting problems. */
    private static final class Walker {
        private final String source;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, String> labelSeenAt = new HashMap<>();

        Walker(String source) {
            this.source = source;
        }

        StationConfig root(JsonNode root) {
            if (!root.isObject()) {
                problems.add(source + ": the top level must be an object {\"drivers\": [...]}, not "
                        + JsonFields.describe(root));
                return StationConfig.EMPTY;
            }
            JsonFields f = new JsonFields(root, source, "top level", problems);
            f.rejectUnknown(ROOT_FIELDS);
            List<DeviceSpec> devices = new ArrayList<>();
            Set<String> driverIds = new HashSet<>();
            List<JsonNode> drivers = f.array("drivers", true);
            for (int i = 0; i < drivers.size(); i++) {
                driver(drivers.get(i), "drivers[" + i + "]", driverIds, devices);
            }
            return new StationConfig(devices);
        }

        private void driver(JsonNode node, String path, Set<String> driverIds, List<DeviceSpec> out) {
            if (!node.isObject()) {
                problems.add(source + ": " + path + ": must be an object, not " + JsonFields.describe(node));
                return;
            }
            String id = textIdOf(node);
            JsonFields f = new JsonFields(node, source, "driver " + named(id) + "(" + path + ")", problems);
            f.rejectUnknown(DRIVER_FIELDS);
            id = f.text("id", null, true);
            if (id != null && id.isBlank()) {
                f.problem("id", "must not be blank");
                id = null;
            }
            if (id != null && !driverIds.add(id)) {
                f.problem("id", "driver '" + id + "' is listed twice; list all its devices under one entry");
            }
            Set<String> deviceIds = new HashSet<>();
            List<JsonNode> devices = f.array("devices", false);
            for (int i = 0; i < devices.size(); i++) {
                device(devices.get(i), id, path + ".devices[" + i + "]", deviceIds, out);
            }
        }

        private void device(JsonNode node, String driverId, String path, Set<String> deviceIds,
                List<DeviceSpec> out) {
            if (!node.isObject()) {
                problems.add(source + ": " + path + ": must be an object, not " + JsonFields.describe(node));
                return;
            }
            String id = textIdOf(node);
            JsonFields f = new JsonFields(node, source, "device " + named(id) + "(" + path + ")", problems);
            f.rejectUnknown(DEVICE_FIELDS);
            id = f.text("id", null, true);
            if (id != null && id.isBlank()) {
                f.problem("id", "must not be blank");
                id = null;
            }
            if (id != null && !deviceIds.add(id)) {
                f.problem("id", "device '" + id + "' is listed twice for this driver");
            }
            String address = f.text("deviceAddress", "", false);
            Map<String, String> settings = f.stringMap("settings");
            List<ChannelConfig> channels = new ArrayList<>();
            List<JsonNode> nodes = f.array("channels", false);
            for (int i = 0; i < nodes.size(); i++) {
                ChannelConfig c = channel(nodes.get(i), path + ".channels[" + i + "]");
                if (c != null) {
                    channels.add(c);
                }
            }
            if (driverId != null && id != null) {
                out.add(new DeviceSpec(driverId, id, address, settings, channels));
            }
        }

        private ChannelConfig channel(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(source + ": " + path + ": must be an object, not " + JsonFields.describe(node));
                return null;
            }
            JsonNode labelNode = node.get("label");
            String shown = labelNode != null && labelNode.isTextual() ? "'" + labelNode.textValue() + "' " : "";
            JsonFields f = new JsonFields(node, source, "channel " + shown + "(" + path + ")", problems);
            int before = problems.size();
            f.rejectUnknown(CHANNEL_FIELDS);
            String label = label(f, path);
            String channelAddress = f.text("channelAddress", null, true);
            if (channelAddress != null && channelAddress.isEmpty()) {
                f.problem("channelAddress", "must not be empty");
            }
            ValueType type = valueType(f);
            Long sampling = f.integer("samplingIntervalMillis", 0, Long.MAX_VALUE,
                    "must be 0 (not sampled) or a positive number of milliseconds");
            Long history = f.integer("historyMaxRecords", 0, Integer.MAX_VALUE,
                    "must be 0 (no history) or at least 2");
            if (history != null && history == 1) {
                f.problem("historyMaxRecords", "1 is out of range: must be 0 (no history) or at least 2");
            }
            Double scaling = f.number("scalingFactor");
            Double offset = f.number("valueOffset");
            if (scaling != null && scaling == 0.0) {
                f.problem("scalingFactor", "must not be 0 (written values are divided by it)");
            }
            checkScalingType(f, type, scaling, offset);
            ChannelConfig c = new ChannelConfig(label == null ? "" : label, f.text("description", "", false),
                    channelAddress == null ? "" : channelAddress, f.stringMap("parameters"),
                    type == null ? ValueType.STRING : type, f.text("unit", "", false),
                    sampling == null ? 0 : sampling, f.bool("listening", false), f.bool("writable", false),
                    scaling == null ? 1.0 : scaling, offset == null ? 0.0 : offset,
                    history == null ? OptionalInt.empty() : OptionalInt.of(history.intValue()));
            return problems.size() == before ? c : null;
        }

        private String label(JsonFields f, String path) {
            String label = f.text("label", null, true);
            if (label == null) {
                return null;
            }
            var syntax = LabelSyntax.problem(label);
            if (syntax.isPresent()) {
                f.problem("label", syntax.get());
                return null;
            }
            String earlier = labelSeenAt.putIfAbsent(label, path);
            if (earlier != null) {
                f.problem("label", "duplicate label '" + label + "', already used by " + earlier);
            }
            return label;
        }

        private static ValueType valueType(JsonFields f) {
            String text = f.text("valueType", null, true);
            if (text == null) {
                return null;
            }
            try {
                return ValueType.valueOf(text);
            } catch (IllegalArgumentException e) {
                f.problem("valueType", "'" + text + "' is not a value type (one of "
                        + Arrays.toString(ValueType.values()) + ")");
                return null;
            }
        }

        private static void checkScalingType(JsonFields f, ValueType type, Double scaling, Double offset) {
            if (type == null || type == ValueType.LONG || type == ValueType.DOUBLE) {
                return;
            }
            if (scaling != null && scaling != 1.0) {
                f.problem("scalingFactor", "only LONG and DOUBLE channels can be scaled, this one is " + type);
            }
            if (offset != null && offset != 0.0) {
                f.problem("valueOffset", "only LONG and DOUBLE channels can be offset, this one is " + type);
            }
        }

        private static String textIdOf(JsonNode node) {
            JsonNode id = node.get("id");
            return id != null && id.isTextual() ? id.textValue() : null;
        }

        private static String named(String id) {
            return id == null ? "" : "'" + id + "' ";
        }
    }
}
