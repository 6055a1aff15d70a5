package org.chargeflex.m3b.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes payload fields big-endian. Range checks are the messages' job; this class only truncates to width. */
public final class PayloadWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(32);

    public PayloadWriter u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    public PayloadWriter u16(int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
        return this;
    }

    public PayloadWriter u32(long v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift) & 0xFF);
        }
        return this;
    }

    public PayloadWriter i64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift) & 0xFF);
        }
        return this;
    }

    public PayloadWriter bool(boolean b) {
        return u8(b ? 1 : 0);
    }

    /** A length-prefixed (u8) UTF-8 string. */
    public PayloadWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u8(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** A length-prefixed (u8) byte block. */
    public PayloadWriter bytes(byte[] b) {
        u8(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
