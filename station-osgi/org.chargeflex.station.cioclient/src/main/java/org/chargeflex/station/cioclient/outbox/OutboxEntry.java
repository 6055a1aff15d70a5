package org.chargeflex.station.cioclient.outbox;

import java.nio.charset.StandardCharsets;

/**
 * One item of the outbox: its sequence number, what it is, whether it may be dropped, and its JSON body (the contract
 * record with the sequence number, UTF-8).
 */
public record OutboxEntry(long sequenceNumber, Type type, boolean droppable, byte[] json) {

    /** What an entry carries. */
    public enum Type {
        METER_VALUE(1), SESSION_RECORD(2);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
