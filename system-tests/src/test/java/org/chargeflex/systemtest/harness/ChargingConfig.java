package org.chargeflex.systemtest.harness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration files of a charging station: channels of the M3B board (driver {@code m3b}) and of the charging
 * application's status (driver {@code charging}), the data manager, the CIO client and one outlet. See
 * docs/charging-app.md, docs/m3b-protocol.md and docs/channel-config.md.
 */
public final class ChargingConfig {
    /** M3B channel addresses of outlet 1 and their types; all listening (pushed by the board's events). */
    private static final List<String[]> BOARD_CHANNELS = List.of(
            new String[] {"cp_state", "STRING", "false"}, new String[] {"current_limit", "DOUBLE", "true"},
            new String[] {"contactor", "BOOLEAN", "true"}, new String[] {"user_id", "STRING", "false"},
            new String[] {"energy", "LONG", "false"}, new String[] {"power", "DOUBLE", "false"},
            new String[] {"voltage_l1", "DOUBLE", "false"}, new String[] {"voltage_l2", "DOUBLE", "false"},
            new String[] {"voltage_l3", "DOUBLE", "false"}, new String[] {"current_l1", "DOUBLE", "false"},
            new String[] {"current_l2", "DOUBLE", "false"}, new String[] {"current_l3", "DOUBLE", "false"});
    static final List<String> SESSION_CHANNELS = List.of("session/state", "session/session_id", "session/user",
            "session/schedule_id", "session/limit_source", "session/target_limit_a", "session/applied_limit_a",
            "session/last_cio_limit_a", "session/cio_online", "session/refused_schedules", "session/last_refusal",
            "session/meter_values_queued", "session/transitions");
    static final List<String> OUTBOX_CHANNELS = List.of("outbox/pending", "outbox/last_seq", "outbox/delivered_seq",
            "outbox/dropped_samples", "outbox/rejected_items", "outbox/last_error");

    /** The station's grid limit (docs/charging-app.md): written by the CIO for the DNO, -1 = none. */
    public static final String GRID_LIMIT_LABEL = "station/grid_limit_w";
    static final String GRID_LIMIT_CHANNEL = "{\"label\":\"" + GRID_LIMIT_LABEL + "\",\"channelAddress\":\"grid/limit_w\","
            + "\"valueType\":\"DOUBLE\",\"unit\":\"W\",\"listening\":true,\"writable\":true}";

    private ChargingConfig() {
    }

    /** channels.json: the board at {@code boardAddress} (e.g. tcp://127.0.0.1:5020) and the status channels. */
    public static String channels(String boardAddress) {
        String board = BOARD_CHANNELS.stream().map(c -> "{\"label\":\"outlet1/" + c[0] + "\",\"channelAddress\":\""
                + c[0] + "\",\"valueType\":\"" + c[1] + "\",\"parameters\":{\"outlet\":\"1\"},\"listening\":true,"
                + "\"samplingIntervalMillis\":1000" + ("true".equals(c[2]) ? ",\"writable\":true" : "") + "}")
                .collect(Collectors.joining(",\n"));
        String session = SESSION_CHANNELS.stream().map(a -> "{\"label\":\"outlet1/" + a + "\",\"channelAddress\":\""
                + a + "\",\"valueType\":\"" + statusType(a) + "\",\"samplingIntervalMillis\":200}")
                .collect(Collectors.joining(",\n"));
        String outbox = OUTBOX_CHANNELS.stream().map(a -> "{\"label\":\"station/" + a + "\",\"channelAddress\":\""
                + a + "\",\"valueType\":\"" + statusType(a) + "\",\"samplingIntervalMillis\":200}")
                .collect(Collectors.joining(",\n"));
        return """
                {"drivers":[
                 {"id":"m3b","devices":[{"id":"board","deviceAddress":"%s",
                   "settings":{"maxCurrent":"32","meterIntervalMillis":"500","heartbeatIntervalMillis":"500"},
                   "channels":[%s]}]},
                 {"id":"charging","devices":[
                   {"id":"outlet1-status","deviceAddress":"1","channels":[%s]},
                   {"id":"station-status","deviceAddress":"station","channels":[%s,
                     %s]}]}
                ]}
                """.formatted(boardAddress, board, session, outbox, GRID_LIMIT_CHANNEL);
    }

    static String statusType(String address) {
        return switch (address) {
            case "session/state", "session/session_id", "session/user", "session/schedule_id",
                    "session/limit_source", "session/last_refusal", "outbox/last_error" -> "STRING";
            case "session/cio_online" -> "BOOLEAN";
            case "session/target_limit_a", "session/applied_limit_a", "session/last_cio_limit_a" -> "DOUBLE";
            default -> "LONG";
        };
    }

    public static String dataManager() {
        return """
                channelsFile=conf/channels.json
                historyDirectory=data/history
                historyMaxRecords=2000
                channelsFilePollMillis=500
                driverTimeoutMillis=3000
                reconnectMinMillis=200
                reconnectMaxMillis=1000
                """;
    }

    /** The CIO client's configuration ({@code conf/org.chargeflex.station.cioclient.cfg}). */
    public static String cioClient(String baseUrl, String stationId, String secret, Tls tls) {
        StringBuilder b = new StringBuilder()
                .append("baseUrl=").append(baseUrl).append('\n')
                .append("allowPlainHttp=").append(baseUrl.startsWith("http:")).append('\n')
                .append("stationId=").append(stationId).append('\n')
                .append("stationSecret=").append(secret).append('\n')
                .append("connectTimeoutMillis=1000\n")
                .append("readTimeoutMillis=3000\n")
                .append("requestAttempts=2\n")
                .append("retryMinMillis=100\n")
                .append("retryMaxMillis=1000\n")
                .append("outboxDirectory=data/cio-outbox\n")
                .append("batchSize=50\n");
        if (tls != null) {
            b.append("truststorePath=").append(tls.truststore()).append('\n')
                    .append("truststorePassword=").append(tls.truststorePassword()).append('\n')
                    .append("truststoreType=PKCS12\n");
        }
        return b.toString();
    }

    /**
     * Outlet 1 on the board's channels ({@code conf/org.chargeflex.station.charging.outlet-1.cfg}): 32 A hardware,
     * the given fallback and offline allowance, fast ticks and meter samples.
     */
    public static String outlet(double fallbackA, long maxOfflineSeconds) {
        return """
                outletId=1
                cpStateLabel=outlet1/cp_state
                currentLimitLabel=outlet1/current_limit
                contactorLabel=outlet1/contactor
                energyLabel=outlet1/energy
                powerLabel=outlet1/power
                voltageL1Label=outlet1/voltage_l1
                voltageL2Label=outlet1/voltage_l2
                voltageL3Label=outlet1/voltage_l3
                currentL1Label=outlet1/current_l1
                currentL2Label=outlet1/current_l2
                currentL3Label=outlet1/current_l3
                userIdLabel=outlet1/user_id
                maxCurrentA=32
                fallbackCurrentA=%s
                maxOfflineSeconds=%d
                defaultEnergyDemandWh=40000
                defaultMinCurrentA=6
                defaultPhases=3
                defaultDepartureMinutes=480
                meterIntervalMillis=500
                tickMillis=100
                retryMinMillis=100
                retryMaxMillis=1000
                """.formatted(Double.toString(fallbackA), maxOfflineSeconds);
    }
}
