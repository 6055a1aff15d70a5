package org.chargeflex.station.driver.m3b;

import org.chargeflex.m3b.protocol.Hello;

/**
 * Timing and retry settings of one link, from the component configuration, overridden per device.
 */
record Timing(int requestTimeoutMillis, int retries, int heartbeatIntervalMillis, int boardHeartbeatTimeoutMillis,
        int meterIntervalMillis, int maxConsecutiveTimeouts, int connectTimeoutMillis) {

    static final Timing DEFAULTS = new Timing(300, 2, 1000, 5000, 1000, 3, 3000);

    Timing {
        check("requestTimeoutMillis", requestTimeoutMillis, 20, 10_000);
        check("retries", retries, 0, 10);
        check("heartbeatIntervalMillis", heartbeatIntervalMillis, 50, 30_000);
        check("boardHeartbeatTimeoutMillis", boardHeartbeatTimeoutMillis, Hello.MIN_HEARTBEAT_TIMEOUT,
                Hello.MAX_HEARTBEAT_TIMEOUT);
        if (meterIntervalMillis != 0) {
            check("meterIntervalMillis", meterIntervalMillis, Hello.MIN_METER_INTERVAL, Hello.MAX_METER_INTERVAL);
        }
        check("maxConsecutiveTimeouts", maxConsecutiveTimeouts, 1, 100);
        check("connectTimeoutMillis", connectTimeoutMillis, 100, 60_000);
        if (heartbeatIntervalMillis * 2L > boardHeartbeatTimeoutMillis) {
            throw new IllegalArgumentException("heartbeatIntervalMillis (" + heartbeatIntervalMillis
                    + ") must be at most half of boardHeartbeatTimeoutMillis (" + boardHeartbeatTimeoutMillis
                    + "), or the board goes safe between two heartbeats");
        }
    }

    static Timing of(Config c) {
        return new Timing(c.requestTimeoutMillis(), c.retries(), c.heartbeatIntervalMillis(),
                c.boardHeartbeatTimeoutMillis(), c.meterIntervalMillis(), c.maxConsecutiveTimeouts(),
                c.connectTimeoutMillis());
    }

    private static void check(String key, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + v);
        }
    }
}
