package org.chargeflex.station.cioclient.outbox;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk form of an {@link OutboxEntry}, all integers big-endian:
 *
 * <pre>
 * u32 payload length | u32 CRC-32C over (type, flags, sequence, payload) | u8 type | u8 flags (bit 0 droppable) |
 * i64 sequence number | payload (JSON, UTF-8)
 * </pre>
 *
 * A torn tail (an entry cut short by a power loss) fails the length or the CRC check and is not an entry.
 */
final class EntryCodec {
    static final int HEADER = 4 + 4 + 1 + 1 + 8;
    static final int MAX_PAYLOAD = 1 << 20;

    private EntryCodec() {
    }

    static ByteBuffer encode(OutboxEntry e) {
        if (e.json().length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("outbox entry of " + e.json().length + " bytes is larger than "
                    + MAX_PAYLOAD);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + e.json().length);
        b.putInt(e.json().length);
        b.putInt(crc(e.type().code, e.droppable() ? 1 : 0, e.sequenceNumber(), e.json()));
        b.put((byte) e.type().code);
        b.put((byte) (e.droppable() ? 1 : 0));
        b.putLong(e.sequenceNumber());
        b.put(e.json());
        return b.flip();
    }

    /**
     * Decodes the entry at the buffer's position and advances past it; null (position unchanged) when the bytes there
     * are not a whole, intact entry.
     */
    static OutboxEntry decode(ByteBuffer b) {
        int start = b.position();
        if (b.remaining() < HEADER) {
            return null;
        }
        int length = b.getInt();
        int crc = b.getInt();
        int type = b.get() & 0xFF;
        int flags = b.get() & 0xFF;
        long seq = b.getLong();
        OutboxEntry.Type t = OutboxEntry.Type.of(type);
        if (length < 0 || length > MAX_PAYLOAD || b.remaining() < length || t == null || (flags & ~1) != 0
                || seq < 0) {
            b.position(start);
            return null;
        }
        byte[] json = new byte[length];
        b.get(json);
        if (crc(type, flags, seq, json) != crc) {
            b.position(start);
            return null;
        }
        return new OutboxEntry(seq, t, (flags & 1) != 0, json);
    }

    private static int crc(int type, int flags, long seq, byte[] json) {
        CRC32C c = new CRC32C();
        ByteBuffer h = ByteBuffer.allocate(10).put((byte) type).put((byte) flags).putLong(seq).flip();
        c.update(h);
        c.update(json);
        return (int) c.getValue();
    }
}
