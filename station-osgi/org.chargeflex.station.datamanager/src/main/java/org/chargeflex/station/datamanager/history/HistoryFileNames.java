package org.chargeflex.station.datamanager.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names of a channel's history segments: {@code <base>.<sequence>.hist}. The base is the label with every
 * character other than {@code [A-Za-z0-9_-]} written as {@code %XX} (UTF-8 bytes), so '/' and '.' never reach the
 * file system and no two labels share a base; very long bases are shortened and made unique with a hash.
 */
public final class HistoryFileNames {
    private static final int MAX_BASE = 120;
    private static final Pattern SEGMENT = Pattern.compile("(.+)\\.(\\d{1,18})\\.hist");

    private HistoryFileNames() {
    }

    public static String base(String label) {
        StringBuilder sb = new StringBuilder();
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        if (sb.length() <= MAX_BASE) {
            return sb.toString();
        }
        return sb.substring(0, MAX_BASE - 33) + "-" + sha256(label).substring(0, 32);
    }

    public static String segment(String base, long sequence) {
        return base + "." + sequence + ".hist";
    }

    /** The sequence number if {@code fileName} is a segment of {@code base}. */
    public static OptionalLong sequenceOf(String base, String fileName) {
        Matcher m = SEGMENT.matcher(fileName);
        if (m.matches() && m.group(1).equals(base)) {
            return OptionalLong.of(Long.parseLong(m.group(2)));
        }
        return OptionalLong.empty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
