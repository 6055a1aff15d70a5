package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/**
 * The host opens a session: its protocol version, the heartbeat timeout after which the board goes safe by itself,
 * and how often the board pushes meter samples (0 = never). Answered by {@link HelloAck}, or by an {@link Ack} with
 * {@link AckStatus#UNSUPPORTED_VERSION}.
 */
public record Hello(int versionMajor, int versionMinor, int heartbeatTimeoutMillis, int meterIntervalMillis)
        implements Message {
    public static final int PROTOCOL_MAJOR = 1;
    public static final int PROTOCOL_MINOR = 0;
    public static final int MIN_HEARTBEAT_TIMEOUT = 200;
    public static final int MAX_HEARTBEAT_TIMEOUT = 60_000;
    public static final int MIN_METER_INTERVAL = 100;
    public static final int MAX_METER_INTERVAL = 60_000;

    public Hello {
        Checks.range("protocol major version", versionMajor, 0, 255);
        Checks.range("protocol minor version", versionMinor, 0, 255);
        Checks.range("heartbeat timeout (ms)", heartbeatTimeoutMillis, MIN_HEARTBEAT_TIMEOUT, MAX_HEARTBEAT_TIMEOUT);
        if (meterIntervalMillis != 0) {
            Checks.range("meter interval (ms, 0 = off)", meterIntervalMillis, MIN_METER_INTERVAL, MAX_METER_INTERVAL);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }

    /** Fluent builder; defaults: this library's protocol version, 5 s heartbeat timeout, 1 s meter interval. */
    public static final class Builder {
        private int major = PROTOCOL_MAJOR;
        private int minor = PROTOCOL_MINOR;
        private int heartbeatTimeout = 5000;
        private int meterInterval = 1000;

        public Builder version(int versionMajor, int versionMinor) {
            this.major = versionMajor;
            this.minor = versionMinor;
            return this;
        }

        public Builder heartbeatTimeoutMillis(int millis) {
            this.heartbeatTimeout = millis;
            return this;
        }

        public Builder meterIntervalMillis(int millis) {
            this.meterInterval = millis;
            return this;
        }

        public Hello build() {
            return new Hello(major, minor, heartbeatTimeout, meterInterval);
        }
    }
}
