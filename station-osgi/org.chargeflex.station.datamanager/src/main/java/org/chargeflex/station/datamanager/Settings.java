package org.chargeflex.station.datamanager;

import java.nio.file.Path;
import java.util.Objects;
import org.chargeflex.station.datamanager.routing.DeviceTiming;

/**
 * The data manager's settings as plain values ({@link Config} after path resolution and validation).
 *
 * @param channelsFile the channel configuration file (absolute)
 * @param historyDirectory where the per-channel history segments live (absolute)
 * @param historyMaxRecords records kept per channel unless the channel says otherwise: 0 (none) or at least 2
 * @param channelsFilePollMillis how often the channels file is checked for changes; 0 disables the check
 * @param driverTimeoutMillis how long a driver call may take before it is flagged TIMEOUT
 * @param reconnectMinMillis first reconnect delay
 * @param reconnectMaxMillis longest reconnect delay
 */
public record Settings(Path channelsFile, Path historyDirectory, int historyMaxRecords, long channelsFilePollMillis,
        long driverTimeoutMillis, long reconnectMinMillis, long reconnectMaxMillis) {

    /** The system property naming the station's home directory, against which relative paths resolve. */
    public static final String HOME_PROPERTY = "chargeflex.home";
    static final String DEFAULT_CHANNELS_FILE = "conf/channels.json";
    static final String DEFAULT_HISTORY_DIRECTORY = "data/history";
    static final int DEFAULT_HISTORY_MAX_RECORDS = 10000;
    static final long DEFAULT_CHANNELS_FILE_POLL_MILLIS = 2000;
    static final long DEFAULT_DRIVER_TIMEOUT_MILLIS = 5000;
    static final long DEFAULT_RECONNECT_MIN_MILLIS = 1000;
    static final long DEFAULT_RECONNECT_MAX_MILLIS = 60000;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public Settings {
        Objects.requireNonNull(channelsFile, "channelsFile");
        Objects.requireNonNull(historyDirectory, "historyDirectory");
        if (historyMaxRecords < 0 || historyMaxRecords == 1) {
            throw new IllegalArgumentException(
                    "historyMaxRecords must be 0 (no history) or at least 2, got " + historyMaxRecords);
        }
        if (channelsFilePollMillis < 0) {
            throw new IllegalArgumentException(
                    "channelsFilePollMillis must be 0 (no polling) or positive, got " + channelsFilePollMillis);
        }
        if (driverTimeoutMillis <= 0) {
            throw new IllegalArgumentException("driverTimeoutMillis must be positive, got " + driverTimeoutMillis);
        }
        if (reconnectMinMillis <= 0) {
            throw new IllegalArgumentException("reconnectMinMillis must be positive, got " + reconnectMinMillis);
        }
        if (reconnectMaxMillis < reconnectMinMillis) {
            throw new IllegalArgumentException("reconnectMaxMillis (" + reconnectMaxMillis
                    + ") must not be less than reconnectMinMillis (" + reconnectMinMillis + ")");
        }
    }

    /**
     * A configured path made absolute: as is when absolute, else against {@code home} when given (the
     * {@value #HOME_PROPERTY} system property), else against the working directory.
     */
    public static Path resolve(String path, String home) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a path setting must not be empty");
        }
        Path p = Path.of(path.trim());
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home.trim());
        return base.toAbsolutePath().resolve(p).normalize();
    }

    /** The settings of a {@link Config} left at its defaults. */
    public static Settings defaults(String home) {
        return new Settings(resolve(DEFAULT_CHANNELS_FILE, home), resolve(DEFAULT_HISTORY_DIRECTORY, home),
                DEFAULT_HISTORY_MAX_RECORDS, DEFAULT_CHANNELS_FILE_POLL_MILLIS, DEFAULT_DRIVER_TIMEOUT_MILLIS,
                DEFAULT_RECONNECT_MIN_MILLIS, DEFAULT_RECONNECT_MAX_MILLIS);
    }

    public DeviceTiming timing() {
        return new DeviceTiming(driverTimeoutMillis, reconnectMinMillis, reconnectMaxMillis);
    }
}
