package org.chargeflex.m3b.protocol;

import java.util.Arrays;
import org.chargeflex.m3b.protocol.internal.Crc16;

/**
 * One frame on the wire:
 *
 * <pre>
 * +------+-----+-----+------+-------------+--------+--------+
 * | 0xA5 | LEN | SEQ | TYPE | PAYLOAD ... | CRC hi | CRC lo |
 * +------+-----+-----+------+-------------+--------+--------+
 * </pre>
 *
 * LEN is the payload length (0..{@value #MAX_PAYLOAD}); the CRC-16/CCITT-FALSE covers LEN, SEQ, TYPE and PAYLOAD.
 *
 * @param sequence 0..255; a response repeats its request's sequence number, events count on their own
 * @param type the message type code, 0..255 (unknown codes are still framed; {@link M3bCodec} rejects them)
 * @param payload 0..{@value #MAX_PAYLOAD} bytes, copied
 */
public record Frame(int sequence, int type, byte[] payload) {
    public static final int START = 0xA5;
    public static final int MAX_PAYLOAD = 250;
    /** Start, LEN, SEQ, TYPE. */
    public static final int HEADER_LENGTH = 4;
    public static final int CRC_LENGTH = 2;
    public static final int MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_PAYLOAD + CRC_LENGTH;

    public Frame {
        if (sequence < 0 || sequence > 255) {
            throw new IllegalArgumentException("sequence must be 0..255, got " + sequence);
        }
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("type must be 0..255, got " + type);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (use an empty array)");
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload must be at most " + MAX_PAYLOAD + " bytes, got "
                    + payload.length);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The frame's bytes as sent on the wire. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + payload.length + CRC_LENGTH];
        out[0] = (byte) START;
        out[1] = (byte) payload.length;
        out[2] = (byte) sequence;
        out[3] = (byte) type;
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        int crc = Crc16.compute(out, 1, HEADER_LENGTH - 1 + payload.length);
        out[out.length - 2] = (byte) (crc >>> 8);
        out[out.length - 1] = (byte) crc;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.sequence == sequence && f.type == type && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sequence + type) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame{seq=" + sequence + ", type=0x" + Integer.toHexString(type) + ", " + payload.length + " byte(s)}";
    }
}
