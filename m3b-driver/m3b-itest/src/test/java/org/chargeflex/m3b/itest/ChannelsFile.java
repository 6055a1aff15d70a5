package org.chargeflex.m3b.itest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the data manager's real configuration format (docs/channel-config.md) for one M3B board: outlet 1's
 * charging channels (most pushed by the board's events, energy also sampled) and the driver's health counters.
 */
final class ChannelsFile {
    static final ObjectMapper JSON = new ObjectMapper();

    private ChannelsFile() {
    }

    /** Settings that make failures show quickly: short request timeouts, 100 ms meter events. */
    static Map<String, String> fastSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("maxCurrent", "32");
        s.put("requestTimeoutMillis", "200");
        s.put("retries", "1");
        s.put("heartbeatIntervalMillis", "200");
        s.put("boardHeartbeatTimeoutMillis", "5000");
        s.put("meterIntervalMillis", "100");
        s.put("maxConsecutiveTimeouts", "2");
        return s;
    }

    static String m3b(String deviceAddress, Map<String, String> settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode driver = root.putArray("drivers").addObject().put("id", "m3b");
        ObjectNode device = driver.putArray("devices").addObject().put("id", "board1")
                .put("deviceAddress", deviceAddress);
        ObjectNode s = device.putObject("settings");
        settings.forEach(s::put);
        ArrayNode channels = device.putArray("channels");
        outlet(channels, "cp_state", "STRING", "", false).put("listening", true);
        outlet(channels, "current_limit", "DOUBLE", "A", true).put("listening", true);
        outlet(channels, "pwm_duty", "DOUBLE", "%", true).put("listening", true);
        outlet(channels, "contactor", "BOOLEAN", "", true).put("listening", true);
        outlet(channels, "current_l1", "DOUBLE", "A", false).put("listening", true);
        outlet(channels, "power", "DOUBLE", "W", false).put("listening", true);
        outlet(channels, "energy", "LONG", "Wh", false).put("listening", true);
        outlet(channels, "fault_flags", "LONG", "", false).put("listening", true);
        outlet(channels, "user_id", "STRING", "", false).put("listening", true);
        ObjectNode sampled = outlet(channels, "energy", "LONG", "Wh", false).put("samplingIntervalMillis", 100);
        sampled.put("label", "outlet1/energy_sampled");
        for (String counter : new String[] {"link_losses", "board_resets", "safety_opens", "dropped_events"}) {
            channels.addObject().put("label", "board1/" + counter).put("channelAddress", counter)
                    .put("valueType", "LONG").put("samplingIntervalMillis", 200);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode outlet(ArrayNode channels, String address, String type, String unit,
            boolean writable) {
        ObjectNode c = channels.addObject().put("label", "outlet1/" + address).put("channelAddress", address)
                .put("valueType", type).put("unit", unit).put("writable", writable);
        c.putObject("parameters").put("outlet", "1");
        return c;
    }
}
