package org.chargeflex.station.datamanager.history;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;

/**
 * The binary form of a history record: {@code int length, payload, int crc32(payload)} where the payload is
 * {@code long timestamp, short flagNameLength, flagName (UTF-8), byte valueTag, value}. Value tags: 0 none,
 * 1 boolean (1 byte), 2 long (8), 3 double (8), 4 string (int length + UTF-8), 5 byte array (int length + bytes).
 * Flags are stored by name so that reordering the enum never changes old records. A record cut short (power loss
 * during a write) or with a wrong checksum ends the readable part of a file.
 */
public final class RecordCodec {
    /** Larger records are not stored; also the sanity bound when reading a length. */
    public static final int MAX_PAYLOAD = 1 << 20;
    private static final int FRAME_OVERHEAD = 8;

    private RecordCodec() {
    }

    /** The framed record, ready to append; null when it is larger than {@link #MAX_PAYLOAD}. */
    public static ByteBuffer encode(Record record) {
        byte[] flag = record.getFlag().name().getBytes(StandardCharsets.UTF_8);
        byte[] value = valueBytes(record.getValue());
        int payload = 8 + 2 + flag.length + 1 + value.length;
        if (payload > MAX_PAYLOAD) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(payload + FRAME_OVERHEAD);
        b.putInt(payload);
        b.putLong(record.getTimestamp());
        b.putShort((short) flag.length);
        b.put(flag);
        b.put(tag(record.getValue()));
        b.put(value);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, payload);
        b.putInt((int) crc.getValue());
        b.flip();
        return b;
    }

    /** The records of a segment file's content up to the first torn or corrupt one, and where that one starts. */
    public static Decoded decode(ByteBuffer data) {
        List<Record> records = new ArrayList<>();
        int good = data.position();
        while (data.remaining() >= 4) {
            int payload = data.getInt();
            if (payload < 11 || payload > MAX_PAYLOAD || data.remaining() < payload + 4) {
                break;
            }
            int start = data.position();
            CRC32 crc = new CRC32();
            crc.update(data.array(), data.arrayOffset() + start, payload);
            data.position(start + payload);
            if (data.getInt() != (int) crc.getValue()) {
                break;
            }
            Record r = payloadToRecord(data.duplicate().position(start).limit(start + payload).slice());
            if (r == null) {
                break;
            }
            records.add(r);
            good = data.position();
        }
        return new Decoded(records, good);
    }

    /** Records read from a segment; {@code validBytes} is the length of the readable prefix. */
    public record Decoded(List<Record> records, int validBytes) {
    }

    private static Record payloadToRecord(ByteBuffer p) {
        try {
            long timestamp = p.getLong();
            int flagLength = p.getShort();
            if (flagLength < 0 || flagLength > p.remaining()) {
                return null;
            }
            byte[] flagName = new byte[flagLength];
            p.get(flagName);
            Flag flag = flagOf(new String(flagName, StandardCharsets.UTF_8));
            Value value = readValue(p.get(), p);
            if (value == null && flag == Flag.VALID) {
                return null;
            }
            return new Record(value, timestamp, flag);
        } catch (RuntimeException e) {
            // a corrupt payload that passed the checksum by chance: treated like a torn record
            return null;
        }
    }

    private static Flag flagOf(String name) {
        try {
            return Flag.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Flag.UNKNOWN_ERROR;
        }
    }

    private static byte tag(Value v) {
        if (v == null) {
            return 0;
        }
        return switch (v.type()) {
            case BOOLEAN -> 1;
            case LONG -> 2;
            case DOUBLE -> 3;
            case STRING -> 4;
            case BYTE_ARRAY -> 5;
        };
    }

    private static byte[] valueBytes(Value v) {
        if (v == null) {
            return new byte[0];
        }
        return switch (v.type()) {
            case BOOLEAN -> new byte[] {(byte) (v.asBoolean() ? 1 : 0)};
            case LONG -> ByteBuffer.allocate(8).putLong(v.asLong()).array();
            case DOUBLE -> ByteBuffer.allocate(8).putDouble(v.asDouble()).array();
            case STRING -> lengthPrefixed(v.asString().getBytes(StandardCharsets.UTF_8));
            case BYTE_ARRAY -> lengthPrefixed(v.asByteArray());
        };
    }

    private static byte[] lengthPrefixed(byte[] bytes) {
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }

    private static Value readValue(byte tag, ByteBuffer p) {
        return switch (tag) {
            case 0 -> null;
            case 1 -> Value.of(p.get() != 0);
            case 2 -> Value.of(p.getLong());
            case 3 -> Value.of(p.getDouble());
            case 4 -> Value.of(new String(lengthPrefixed(p), StandardCharsets.UTF_8));
            case 5 -> Value.of(lengthPrefixed(p));
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
    }

    private static byte[] lengthPrefixed(ByteBuffer p) {
        int n = p.getInt();
        if (n < 0 || n > p.remaining()) {
            throw new IllegalArgumentException("bad length " + n);
        }
        byte[] b = new byte[n];
        p.get(b);
        return b;
    }
}
