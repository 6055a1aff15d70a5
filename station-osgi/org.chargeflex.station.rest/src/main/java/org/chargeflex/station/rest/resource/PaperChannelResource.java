package org.chargeflex.station.rest.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.rest.problem.Problems;
import org.chargeflex.station.rest.resource.JsonViews.PaperRecordView;

/**
 * The paper's form {@code GET /channel/{label}}: {@code [{"label":..,"timestamp":..,"flag":..,"value":..}]} with the
 * latest record; for a directory, one element per channel in it, sorted by label.
 */
@Singleton
@Path("channel")
@Produces(MediaType.APPLICATION_JSON)
public final class PaperChannelResource {
    private final ChannelAccess access;

    @Inject
    public PaperChannelResource(ChannelAccess access) {
        this.access = access;
    }

    @GET
    @Path("{label: .+}")
    public List<PaperRecordView> get(@PathParam("label") String rawLabel) {
        DataAccessService das = access.require();
        String label = ChannelAccess.normalize(rawLabel);
        Optional<Channel> channel = access.channel(das, label);
        List<Channel> channels = channel.map(List::of).orElseGet(() -> access.channelsUnder(das, label));
        if (label.isEmpty() || channels.isEmpty()) {
            throw Problems.unknownChannel(label);
        }
        return channels.stream().map(c -> PaperRecordView.of(c.getLabel(), c.getLatestRecord())).toList();
    }
}
