package org.chargeflex.m3b.protocol.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.chargeflex.m3b.protocol.MalformedMessageException;

/** Reads payload fields big-endian; every read past the end throws {@link MalformedMessageException}. */
public final class PayloadReader {
    private final byte[] data;
    private int pos;

    public PayloadReader(byte[] data) {
        this.data = data;
    }

    private void need(int n, String field) throws MalformedMessageException {
        if (pos + n > data.length) {
            throw new MalformedMessageException("payload too short: " + field + " needs " + n + " byte(s) at offset "
                    + pos + ", payload has " + data.length);
        }
    }

    public int u8(String field) throws MalformedMessageException {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    public int u16(String field) throws MalformedMessageException {
        need(2, field);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** A signed 16-bit value. */
    public int i16(String field) throws MalformedMessageException {
        return (short) u16(field);
    }

    public long u32(String field) throws MalformedMessageException {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    public long i64(String field) throws MalformedMessageException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    public boolean bool(String field) throws MalformedMessageException {
        int v = u8(field);
        if (v > 1) {
            throw new MalformedMessageException(field + " must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    public String string(String field) throws MalformedMessageException {
        byte[] b = bytes(field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(field + " is not valid UTF-8", e);
        }
    }

    public byte[] bytes(String field) throws MalformedMessageException {
        int n = u8(field + " length");
        need(n, field);
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** Fails when bytes are left over: a payload must have exactly the length its type defines. */
    public void end(String message) throws MalformedMessageException {
        if (pos != data.length) {
            throw new MalformedMessageException(message + ": " + (data.length - pos) + " unexpected trailing byte(s)");
        }
    }
}
