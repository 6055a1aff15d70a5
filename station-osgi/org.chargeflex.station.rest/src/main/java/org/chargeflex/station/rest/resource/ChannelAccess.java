package org.chargeflex.station.rest.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.rest.problem.Problems;

/**
 * Finds channels through the data access service that is bound right now. Paths are channel labels or directories
 * (label prefixes ending before a '/'); surrounding slashes are ignored.
 */
public final class ChannelAccess {
    private final Supplier<DataAccessService> service;

    public ChannelAccess(Supplier<DataAccessService> service) {
        this.service = service;
    }

    /** The service bound right now, or null. */
    DataAccessService current() {
        return service.get();
    }

    /** The service, or a 503 problem when the data manager is not there. */
    DataAccessService require() {
        DataAccessService das = service.get();
        if (das == null) {
            throw Problems.noDataAccess();
        }
        return das;
    }

    Optional<Channel> channel(DataAccessService das, String label) {
        return label.isEmpty() ? Optional.empty() : das.getChannel(label);
    }

    /** The channel, or a 404 problem. */
    Channel requireChannel(DataAccessService das, String label) {
        return channel(das, label).orElseThrow(() -> Problems.unknownChannel(label));
    }

    /** The channels in a directory and below, sorted by label; empty if it is no directory. */
    List<Channel> channelsUnder(DataAccessService das, String directory) {
        List<Channel> out = new ArrayList<>();
        for (String label : das.getLabelsUnder(directory).stream().sorted().toList()) {
            das.getChannel(label).ifPresent(out::add); // a channel removed meanwhile is left out
        }
        return out;
    }

    static String normalize(String path) {
        String p = path == null ? "" : path;
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end);
    }
}
