package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.OutletInfo;
import org.chargeflex.gateway.core.OutletSnapshot;
import org.chargeflex.gateway.core.Reading;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;
import org.chargeflex.gateway.core.cio.internal.ChannelListParser;

/**
 * Station data from the CIO's admin API: the registry from {@code GET stations}, the planned power from
 * {@code GET stations/{id}/status}, each outlet's channels from {@code GET stations/{id}/channels/<directory>} (the
 * CIO passes the station's channel list on). One failing outlet read marks only that outlet invalid; a failing
 * status read fails the station (served as old data).
 */
public final class CioStationSource implements StationSource {
    private final CioClient client;
    private final ChannelMap channels;
    private final Clock clock;

    public CioStationSource(CioClient client, ChannelMap channels, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StationInfo> stations() throws SourceException {
        JsonNode list = call("stations");
        if (!list.isArray()) {
            throw new SourceException("GET stations did not answer a JSON array");
        }
        List<StationInfo> result = new ArrayList<>();
        for (JsonNode s : list) {
            try {
                result.add(station(s));
            } catch (RuntimeException e) {
                throw new SourceException("malformed station in the registry: " + e.getMessage(), e);
            }
        }
        return result;
    }

    @Override
    public StationSnapshot read(StationInfo station) throws SourceException {
        String id = CioClient.segment(station.id());
        JsonNode status = call("stations/" + id + "/status");
        Reading planned = status.path("plannedPowerW").isNumber()
                ? Reading.good(status.path("plannedPowerW").asDouble(), clock.instant()) : Reading.MISSING;
        List<OutletSnapshot> outlets = new ArrayList<>();
        for (OutletInfo o : station.outlets()) {
            outlets.add(outlet(id, o));
        }
        return new StationSnapshot(station, outlets, planned, status.path("online").asBoolean(false));
    }

    private OutletSnapshot outlet(String stationSegment, OutletInfo o) {
        String dir = channels.directory(o.id());
        ChannelListParser parser;
        try {
            parser = new ChannelListParser(client.get("stations/" + stationSegment + "/channels/" + dir), dir);
        } catch (IOException | CioClient.CioException | IllegalArgumentException e) {
            return OutletSnapshot.empty(o);
        }
        Map<Measurand, Reading> values = new EnumMap<>(Measurand.class);
        channels.names().forEach((m, name) -> values.put(m, parser.reading(name)));
        return new OutletSnapshot(o, parser.cpState(channels.cpState()), values);
    }

    private static StationInfo station(JsonNode s) {
        List<OutletInfo> outlets = new ArrayList<>();
        for (JsonNode o : s.path("outlets")) {
            outlets.add(new OutletInfo(o.path("id").asText(), o.path("maxPowerW").asDouble(),
                    o.path("phases").asInt()));
        }
        String gcp = s.path("gridConnectionPoint").isTextual() ? s.path("gridConnectionPoint").asText() : null;
        return new StationInfo(s.path("id").asText(), s.path("name").asText(null), gcp,
                s.path("maxPowerW").asDouble(), outlets);
    }

    private JsonNode call(String path) throws SourceException {
        try {
            return client.get(path);
        } catch (IOException | CioClient.CioException e) {
            throw new SourceException("CIO: " + e.getMessage(), e);
        }
    }
}
