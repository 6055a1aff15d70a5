package org.chargeflex.station.datamanager.history;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory holding every channel's history segments. */
public final class HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private final Path directory;

    public HistoryStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Opens a channel's history; {@code maxRecords = 0} means none is kept. A directory that cannot be used is logged
     * and the channel runs without history rather than not at all.
     */
    public ChannelHistory open(String label, int maxRecords) {
        if (maxRecords == 0) {
            return ChannelHistory.disabled();
        }
        try {
            return ChannelHistory.open(directory, label, maxRecords);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot open the history of channel '{}' in {}; it keeps no history", label, directory, e);
            return ChannelHistory.disabled();
        }
    }
}
