package org.chargeflex.station.datamanager;

/** Builds channels files for tests: {@code root(driver("fake", device("dev", channel(...))))}. */
public final class ChannelsJson {

    private ChannelsJson() {
    }

    public static String root(String... drivers) {
        return "{\"drivers\": [" + String.join(",\n", drivers) + "]}";
    }

    public static String driver(String id, String... devices) {
        return "{\"id\": \"" + id + "\", \"devices\": [" + String.join(",\n", devices) + "]}";
    }

    public static String device(String id, String... channels) {
        return deviceAt(id, id, channels);
    }

    public static String deviceAt(String id, String address, String... channels) {
        return "{\"id\": \"" + id + "\", \"deviceAddress\": \"" + address + "\", \"channels\": ["
                + String.join(",\n", channels) + "]}";
    }

    /** A channel; {@code extra} is more JSON fields without braces, e.g. {@code "writable": true} (may be empty). */
    public static String channel(String label, String address, String valueType, String extra) {
        return "{\"label\": \"" + label + "\", \"channelAddress\": \"" + address + "\", \"valueType\": \""
                + valueType + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }
}
