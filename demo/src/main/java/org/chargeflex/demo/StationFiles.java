package org.chargeflex.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The configuration files of a demo station with several outlets on one M3B board (docs/channel-config.md,
 * docs/charging-app.md): the board's channels per outlet (driver {@code m3b}), the EV-parameter channels the demo
 * writes before each plug-in (virtual registers: energy demand, departure, maximum current, phases), the charging
 * application's status channels (driver {@code charging}) and one outlet configuration per outlet.
 */
final class StationFiles {
    private static final String[][] BOARD = {
        {"cp_state", "STRING", "false"}, {"current_limit", "DOUBLE", "true"}, {"contactor", "BOOLEAN", "true"},
        {"user_id", "STRING", "false"}, {"energy", "DOUBLE", "false"}, {"power", "DOUBLE", "false"},
        {"voltage_l1", "DOUBLE", "false"}, {"voltage_l2", "DOUBLE", "false"}, {"voltage_l3", "DOUBLE", "false"},
        {"current_l1", "DOUBLE", "false"}, {"current_l2", "DOUBLE", "false"}, {"current_l3", "DOUBLE", "false"}};
    /** EV parameter registers: channel suffix, value type, initial value (ignored by the charging app). */
    static final String[][] EV = {
        {"ev/energy_demand", "DOUBLE", "-1"}, {"ev/departure", "STRING", "none"}, {"ev/max_current", "DOUBLE", "-1"},
        {"ev/phases", "LONG", "-1"}};
    static final String OUTBOX_LAST_SEQ = "station/outbox/last_seq";
    static final String OUTBOX_DELIVERED_SEQ = "station/outbox/delivered_seq";
    static final String OUTBOX_PENDING = "station/outbox/pending";
    static final String OUTBOX_DROPPED = "station/outbox/dropped_samples";
    static final String OUTBOX_REJECTED = "station/outbox/rejected_items";

    private StationFiles() {
    }

    /**
     * @param speed the demo's time compression: the board's energy register counts simulated Wh, the station and the
     *              CIO see it divided by {@code speed} (scalingFactor), so that energy stays power x wall-clock time
     */
    static String channels(String boardAddress, int outlets, double speed) {
        List<String> board = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        for (int o = 1; o <= outlets; o++) {
            for (String[] c : BOARD) {
                String scaling = c[0].equals("energy") ? ",\"scalingFactor\":" + (1 / speed) : "";
                board.add(channel("outlet" + o + "/" + c[0], c[0], c[1], "{\"outlet\":\"" + o + "\"}", 1000,
                        true, "true".equals(c[2]) ? ",\"writable\":true" : scaling));
            }
            for (String[] c : EV) {
                ev.add(channel("outlet" + o + "/" + c[0], "register", c[1],
                        "{\"name\":\"o" + o + "-" + c[0] + "\",\"initial\":\"" + c[2] + "\"}", 1000, true,
                        ",\"writable\":true"));
            }
        }
        String status = IntStream.rangeClosed(1, outlets).mapToObj(o -> "{\"id\":\"outlet" + o
                + "-status\",\"deviceAddress\":\"" + o + "\",\"channels\":["
                + channel("outlet" + o + "/session/state", "session/state", "STRING", "{}", 500, false, "") + "]}")
                .collect(Collectors.joining(",\n"));
        String outbox = List.of("pending", "last_seq", "delivered_seq", "dropped_samples", "rejected_items").stream()
                .map(a -> channel("station/outbox/" + a, "outbox/" + a, "LONG", "{}", 500, false, ""))
                .collect(Collectors.joining(",\n"));
        return """
                {"drivers":[
                 {"id":"m3b","devices":[{"id":"board","deviceAddress":"%s",
                   "settings":{"maxCurrent":"32","meterIntervalMillis":"500","heartbeatIntervalMillis":"500"},
                   "channels":[%s]}]},
                 {"id":"virtual","devices":[{"id":"ev-parameters","deviceAddress":"ev","channels":[%s]}]},
                 {"id":"charging","devices":[%s,
                   {"id":"station-status","deviceAddress":"station","channels":[%s]}]}
                ]}
                """.formatted(boardAddress, String.join(",\n", board), String.join(",\n", ev), status, outbox);
    }

    /** One channel; {@code extra} is appended to its fields (e.g. {@code ,"writable":true}). */
    private static String channel(String label, String address, String type, String parameters, long sampling,
            boolean listening, String extra) {
        return "{\"label\":\"" + label + "\",\"channelAddress\":\"" + address + "\",\"valueType\":\"" + type
                + "\",\"parameters\":" + parameters + ",\"listening\":" + listening + ",\"samplingIntervalMillis\":"
                + sampling + extra + "}";
    }

    /** One outlet of the charging application; its EV parameters come from the EV channels above. */
    static String outlet(int o) {
        String p = "outlet" + o + "/";
        return """
                outletId=%1$d
                cpStateLabel=%2$scp_state
                currentLimitLabel=%2$scurrent_limit
                contactorLabel=%2$scontactor
                energyLabel=%2$senergy
                powerLabel=%2$spower
                voltageL1Label=%2$svoltage_l1
                voltageL2Label=%2$svoltage_l2
                voltageL3Label=%2$svoltage_l3
                currentL1Label=%2$scurrent_l1
                currentL2Label=%2$scurrent_l2
                currentL3Label=%2$scurrent_l3
                userIdLabel=%2$suser_id
                evEnergyDemandLabel=%2$sev/energy_demand
                evDepartureLabel=%2$sev/departure
                evMaxCurrentLabel=%2$sev/max_current
                evPhasesLabel=%2$sev/phases
                maxCurrentA=32
                fallbackCurrentA=6
                maxOfflineSeconds=900
                defaultEnergyDemandWh=20000
                defaultMinCurrentA=6
                defaultPhases=3
                defaultDepartureMinutes=480
                meterIntervalMillis=1000
                tickMillis=100
                retryMinMillis=100
                retryMaxMillis=1000
                """.formatted(o, p);
    }
}
