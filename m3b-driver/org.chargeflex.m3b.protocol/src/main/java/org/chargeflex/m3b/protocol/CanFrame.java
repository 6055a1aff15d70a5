package org.chargeflex.m3b.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A classic CAN frame tunnelled through the board: an 11-bit (standard) or 29-bit (extended) identifier and 0..8 data
 * bytes. {@link #toBytes()} is the form the station driver uses for BYTE_ARRAY channel values: four bytes big-endian
 * identifier with bit 31 set for an extended frame, then the data bytes.
 */
public final class CanFrame {
    public static final int MAX_STANDARD_ID = 0x7FF;
    public static final int MAX_EXTENDED_ID = 0x1FFFFFFF;
    public static final int MAX_DATA = 8;
    private static final int EXTENDED_BIT = 0x80000000;

    private final int id;
    private final boolean extended;
    private final byte[] data;

    private CanFrame(int id, boolean extended, byte[] data) {
        int max = extended ? MAX_EXTENDED_ID : MAX_STANDARD_ID;
        if (id < 0 || id > max) {
            throw new IllegalArgumentException((extended ? "extended" : "standard") + " CAN id must be 0..0x"
                    + Integer.toHexString(max).toUpperCase() + ", got 0x" + Integer.toHexString(id).toUpperCase());
        }
        if (data == null || data.length > MAX_DATA) {
            throw new IllegalArgumentException("CAN data must be 0.." + MAX_DATA + " bytes, got "
                    + (data == null ? "null" : data.length));
        }
        this.id = id;
        this.extended = extended;
        this.data = data.clone();
    }

    public static CanFrame standard(int id, byte... data) {
        return new CanFrame(id, false, data);
    }

    public static CanFrame extended(int id, byte... data) {
        return new CanFrame(id, true, data);
    }

    /** Parses the channel form (see the class comment). */
    public static CanFrame fromBytes(byte[] b) {
        if (b == null || b.length < 4 || b.length > 4 + MAX_DATA) {
            throw new IllegalArgumentException("a CAN frame value is 4 bytes of id plus 0.." + MAX_DATA
                    + " data bytes, got " + (b == null ? "null" : b.length + " byte(s)"));
        }
        int raw = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        boolean ext = (raw & EXTENDED_BIT) != 0;
        return new CanFrame(raw & ~EXTENDED_BIT, ext, Arrays.copyOfRange(b, 4, b.length));
    }

    public byte[] toBytes() {
        byte[] b = new byte[4 + data.length];
        int raw = extended ? id | EXTENDED_BIT : id;
        b[0] = (byte) (raw >>> 24);
        b[1] = (byte) (raw >>> 16);
        b[2] = (byte) (raw >>> 8);
        b[3] = (byte) raw;
        System.arraycopy(data, 0, b, 4, data.length);
        return b;
    }

    public int id() {
        return id;
    }

    public boolean isExtended() {
        return extended;
    }

    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanFrame f && f.id == id && f.extended == extended && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + id * 2 + (extended ? 1 : 0);
    }

    @Override
    public String toString() {
        return (extended ? "CAN x" : "CAN ") + Integer.toHexString(id).toUpperCase() + " [" + data.length + "] "
                + HexFormat.ofDelimiter(" ").formatHex(data);
    }
}
