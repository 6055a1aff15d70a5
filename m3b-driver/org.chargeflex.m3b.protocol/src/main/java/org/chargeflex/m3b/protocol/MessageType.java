package org.chargeflex.m3b.protocol;

/** The message type codes: requests from the host, the board's responses, and the board's unsolicited events. */
public enum MessageType {
    HELLO(0x01, Kind.REQUEST),
    HEARTBEAT(0x02, Kind.REQUEST),
    GET_STATUS(0x03, Kind.REQUEST),
    GET_METER(0x04, Kind.REQUEST),
    SET_PWM(0x05, Kind.REQUEST),
    SET_CONTACTOR(0x06, Kind.REQUEST),
    SET_LOCK(0x07, Kind.REQUEST),
    SEND_CAN(0x08, Kind.REQUEST),
    ACK(0x80, Kind.RESPONSE),
    HELLO_ACK(0x81, Kind.RESPONSE),
    HEARTBEAT_ACK(0x82, Kind.RESPONSE),
    STATUS(0x83, Kind.RESPONSE),
    METER(0x84, Kind.RESPONSE),
    CP_STATE_CHANGED(0xC1, Kind.EVENT),
    METER_SAMPLE(0xC2, Kind.EVENT),
    FAULT(0xC3, Kind.EVENT),
    CAN_RECEIVED(0xC4, Kind.EVENT),
    ID_PRESENTED(0xC5, Kind.EVENT),
    STATUS_CHANGED(0xC6, Kind.EVENT),
    BOOT(0xC7, Kind.EVENT);

    /** Who sends a message and how it is sequenced. */
    public enum Kind {
        /** Host to board; carries the host's sequence number. */
        REQUEST,
        /** Board to host; repeats the sequence number of the request it answers. */
        RESPONSE,
        /** Board to host, unsolicited; carries the board's own event sequence number. */
        EVENT
    }

    private final int code;
    private final Kind kind;

    MessageType(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the type, or null for an unknown code */
    public static MessageType ofCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
