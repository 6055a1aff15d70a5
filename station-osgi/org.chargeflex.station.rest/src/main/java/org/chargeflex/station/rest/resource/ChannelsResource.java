package org.chargeflex.station.rest.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.rest.problem.Problems;
import org.chargeflex.station.rest.resource.JsonViews.ChannelListView;
import org.chargeflex.station.rest.resource.JsonViews.ChannelView;
import org.chargeflex.station.rest.resource.JsonViews.HistoryView;
import org.chargeflex.station.rest.resource.JsonViews.RecordView;
import org.chargeflex.station.rest.resource.JsonViews.WriteResultView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /channels}: the list, one channel (optionally read fresh), a directory, a channel's history, and writes.
 * A GET path is resolved in this order: a channel label; {@code <label>/history} of an existing channel; a directory
 * (label prefix); otherwise 404.
 */
@Singleton
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
public final class ChannelsResource {
    private static final String HISTORY_SUFFIX = "/history";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelsResource.class);

    private final ChannelAccess access;
    private final ObjectMapper mapper;
    private final Clock clock;

    @Inject
    public ChannelsResource(ChannelAccess access, ObjectMapper mapper, Clock clock) {
        this.access = access;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    public ChannelListView list() {
        DataAccessService das = access.require();
        return listing(das, "");
    }

    @GET
    @Path("{path: .+}")
    public Object get(@PathParam("path") String rawPath, @QueryParam("fresh") String fresh,
            @QueryParam("from") String from, @QueryParam("until") String until) {
        DataAccessService das = access.require();
        String path = ChannelAccess.normalize(rawPath);
        if (path.isEmpty()) {
            return listing(das, "");
        }
        Optional<Channel> channel = access.channel(das, path);
        if (channel.isPresent()) {
            return channelView(channel.get(), parseFresh(fresh));
        }
        if (path.endsWith(HISTORY_SUFFIX)) {
            String label = path.substring(0, path.length() - HISTORY_SUFFIX.length());
            Optional<Channel> owner = access.channel(das, label);
            if (owner.isPresent()) {
                return history(owner.get(), from, until);
            }
        }
        ChannelListView dir = listing(das, path);
        if (dir.channels().isEmpty()) {
            throw Problems.unknownChannel(path);
        }
        return dir;
    }

    @PUT
    @Path("{label: .+}")
    public WriteResultView write(@PathParam("label") String rawLabel, @Context SecurityContext security,
            InputStream body) {
        DataAccessService das = access.require();
        String label = ChannelAccess.normalize(rawLabel);
        Channel channel = access.requireChannel(das, label);
        if (!channel.isWritable()) {
            throw Problems.readOnly(label);
        }
        Value value = WriteBody.read(body, mapper, channel.getValueType());
        Flag flag = channel.write(value);
        String who = security == null || security.getUserPrincipal() == null ? "?"
                : security.getUserPrincipal().getName();
        LOG.info("{} wrote {} to channel {}: {}", who, value, label, flag);
        if (flag != Flag.VALID) {
            throw Problems.writeRefused(label, flag);
        }
        return new WriteResultView(label, flag.name(), true);
    }

    private ChannelListView listing(DataAccessService das, String directory) {
        List<ChannelView> views = access.channelsUnder(das, directory).stream()
                .map(c -> ChannelView.of(c, c.getLatestRecord())).toList();
        return new ChannelListView(views);
    }

    private static ChannelView channelView(Channel c, boolean fresh) {
        if (!fresh) {
            return ChannelView.of(c, c.getLatestRecord());
        }
        Record r = c.read();
        if (r == null || r.getFlag() != Flag.VALID) {
            throw Problems.readFailed(c.getLabel(), r == null ? Flag.UNKNOWN_ERROR : r.getFlag());
        }
        return ChannelView.of(c, r);
    }

    private HistoryView history(Channel c, String from, String until) {
        TimeRange range;
        try {
            range = TimeRange.parse(from, until, clock.millis());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("invalid-time-range", "Invalid time range", e.getMessage());
        }
        List<RecordView> records = c.getHistory(range.from(), range.until()).stream().map(RecordView::of).toList();
        return new HistoryView(c.getLabel(), range.from(), range.until(), records);
    }

    private static boolean parseFresh(String fresh) {
        if (fresh == null) {
            return false;
        }
        return switch (fresh.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw Problems.badRequest("invalid-parameter", "Invalid parameter",
                    "fresh must be true or false, got '" + fresh + "'");
        };
    }
}
