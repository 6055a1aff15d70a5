package org.chargeflex.m3b.protocol;

import org.chargeflex.m3b.protocol.internal.Checks;

/**
 * The board accepts a session: its protocol version, number of outlets, the id of this boot (a random 32-bit number
 * that changes whenever the board restarts, so the host can tell a reset), the heartbeat timeout it applies (the
 * host's value clamped to what it supports) and its firmware version.
 */
public record HelloAck(int versionMajor, int versionMinor, int outletCount, long bootId, int heartbeatTimeoutMillis,
        String firmware) implements Message {

    public HelloAck {
        Checks.range("protocol major version", versionMajor, 0, 255);
        Checks.range("protocol minor version", versionMinor, 0, 255);
        Checks.range("outlet count", outletCount, 1, Checks.MAX_OUTLET);
        Checks.range("boot id", bootId, 0, 0xFFFF_FFFFL);
        Checks.range("heartbeat timeout (ms)", heartbeatTimeoutMillis, Hello.MIN_HEARTBEAT_TIMEOUT,
                Hello.MAX_HEARTBEAT_TIMEOUT);
        Checks.shortString("firmware", firmware);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO_ACK;
    }

    /** Fluent builder; outlet count, boot id and heartbeat timeout must be set. */
    public static final class Builder {
        private int major = Hello.PROTOCOL_MAJOR;
        private int minor = Hello.PROTOCOL_MINOR;
        private Integer outlets;
        private Long bootId;
        private Integer heartbeatTimeout;
        private String firmware = "";

        public Builder version(int versionMajor, int versionMinor) {
            this.major = versionMajor;
            this.minor = versionMinor;
            return this;
        }

        public Builder outletCount(int count) {
            this.outlets = count;
            return this;
        }

        public Builder bootId(long id) {
            this.bootId = id;
            return this;
        }

        public Builder heartbeatTimeoutMillis(int millis) {
            this.heartbeatTimeout = millis;
            return this;
        }

        public Builder firmware(String version) {
            this.firmware = version;
            return this;
        }

        public HelloAck build() {
            return new HelloAck(major, minor, Checks.notNull("outlet count", outlets),
                    Checks.notNull("boot id", bootId), Checks.notNull("heartbeat timeout", heartbeatTimeout),
                    firmware);
        }
    }
}
