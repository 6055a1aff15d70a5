package org.chargeflex.station.api;

import java.util.List;
import java.util.Optional;

/** The one entry point to all channels of the station, provided by the data manager. */
public interface DataAccessService {

    /** All channel labels, sorted. */
    List<String> getAllLabels();

    Optional<Channel> getChannel(String label);

    /**
     * Labels of the channels in a directory and below, sorted: {@code outlet1} yields {@code outlet1/cp_state},
     * {@code outlet1/meter/power}, ... The empty string yields every label.
     */
    default List<String> getLabelsUnder(String directory) {
        if (directory.isEmpty()) {
            return getAllLabels();
        }
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return getAllLabels().stream().filter(l -> l.startsWith(prefix)).toList();
    }
}
