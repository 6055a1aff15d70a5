package org.chargeflex.gateway.core.cio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.chargeflex.gateway.core.CpState;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.OutletInfo;
import org.chargeflex.gateway.core.OutletSnapshot;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;
import org.chargeflex.gateway.core.SourceException;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.StationSource;
import org.chargeflex.gateway.core.cio.internal.ChannelListParser;
import org.chargeflex.gateway.core.cio.internal.CioRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Station data from the CIO's admin API, in two layers:
 * <ol>
 * <li>the CIO's own records, which a DNO account may read: the registry ({@code GET stations}), the status
 * ({@code GET stations/{id}/status}: planned power, online, the newest meter value of each outlet) and the open
 * sessions ({@code GET sessions?stationId=..&open=true}: EV energy demand and planned departure, DEEV);</li>
 * <li>where the account may read station channels (role OPERATOR; the CIO answers 403 to a DNO account, after which
 * they are not asked for again), each outlet's live channels ({@code GET stations/{id}/channels/<directory>}), whose
 * valid values replace those of the first layer (voltages, CP state and current limit exist only there).</li>
 * </ol>
 * A failing status read fails the station (served as old data); failing session or channel reads only leave those
 * values out.
 */
public final class CioStationSource implements StationSource {
    private static final Logger LOG = LoggerFactory.getLogger(CioStationSource.class);

    private final CioClient client;
    private final ChannelMap channels;
    private final Clock clock;
    private volatile boolean channelsForbidden;

    public CioStationSource(CioClient client, ChannelMap channels, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StationInfo> stations() throws SourceException {
        return list("stations", "station in the registry", CioStationSource::station);
    }

    /** {@code GET grid-connection-points}: {@code [{"id","name","maxPowerW"}]}. */
    @Override
    public List<GridConnectionPointInfo> gridConnectionPoints() throws SourceException {
        return list("grid-connection-points", "grid connection point", g -> new GridConnectionPointInfo(
                g.path("id").asText(), g.path("name").asText(null), g.path("maxPowerW").asDouble()));
    }

    /**
     * {@code GET grid/curtailments}: {@code [{"scope","target","limitW","emergency","origin","appliedAt"}]}; entries of
     * an unknown scope are skipped.
     */
    @Override
    public List<Curtailment> curtailments() throws SourceException {
        return list("grid/curtailments", "curtailment", this::curtailment);
    }

    private Curtailment curtailment(JsonNode c) {
        CurtailmentTarget.Scope scope = switch (c.path("scope").asText()) {
            case "STATION" -> CurtailmentTarget.Scope.STATION;
            case "GRID_CONNECTION_POINT" -> CurtailmentTarget.Scope.GRID_CONNECTION_POINT;
            default -> null;
        };
        if (scope == null) {
            LOG.warn("Skipping a curtailment of unknown scope: {}", c);
            return null;
        }
        Instant at = c.path("appliedAt").isTextual() ? Instant.parse(c.path("appliedAt").asText()) : clock.instant();
        return new Curtailment(new CurtailmentTarget(scope, c.path("target").asText()),
                c.path("limitW").asDouble(Double.NaN), c.path("emergency").asBoolean(false),
                c.path("origin").asText("CIO"), at);
    }

    /** A JSON array answer, each entry parsed (null: skipped); any malformed entry fails the whole list. */
    private <T> List<T> list(String path, String what, Function<JsonNode, T> parse) throws SourceException {
        JsonNode list = call(path);
        if (!list.isArray()) {
            throw new SourceException("GET " + path + " did not answer a JSON array");
        }
        List<T> result = new ArrayList<>();
        for (JsonNode entry : list) {
            try {
                T t = parse.apply(entry);
                if (t != null) {
                    result.add(t);
                }
            } catch (RuntimeException e) {
                throw new SourceException("malformed " + what + ": " + e.getMessage(), e);
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
        CioRecords records = new CioRecords(status, openSessions(id), clock.instant());
        List<OutletSnapshot> outlets = new ArrayList<>();
        for (OutletInfo o : station.outlets()) {
            outlets.add(outlet(id, o, records));
        }
        return new StationSnapshot(station, outlets, planned, status.path("online").asBoolean(false));
    }

    private JsonNode openSessions(String stationSegment) {
        try {
            JsonNode list = client.get("sessions?open=true&limit=1000&stationId=" + stationSegment);
            return list.isArray() ? list : null;
        } catch (IOException | CioClient.CioException e) {
            LOG.debug("Cannot read the open sessions of {}: {}", stationSegment, e.getMessage());
            return null;
        }
    }

    private OutletSnapshot outlet(String stationSegment, OutletInfo o, CioRecords records) {
        Map<Measurand, Reading> values = new EnumMap<>(Measurand.class);
        values.putAll(records.readings(o.id()));
        CpState cp = records.cpState(o.id(), values.getOrDefault(Measurand.POWER_W, Reading.MISSING));
        ChannelListParser parser = channelList(stationSegment, o.id());
        if (parser != null) {
            channels.names().forEach((m, name) -> {
                Reading r = parser.reading(name);
                if (r.quality() == Quality.GOOD || !values.containsKey(m)) {
                    values.put(m, r);
                }
            });
            CpState live = parser.cpState(channels.cpState());
            cp = live.quality() == Quality.GOOD ? live : cp;
        }
        return new OutletSnapshot(o, cp, values);
    }

    private ChannelListParser channelList(String stationSegment, String outletId) {
        if (channelsForbidden) {
            return null;
        }
        String dir = channels.directory(outletId);
        try {
            return new ChannelListParser(client.get("stations/" + stationSegment + "/channels/" + dir), dir);
        } catch (CioClient.CioException e) {
            if (e.status() == 403) {
                channelsForbidden = true;
                LOG.info("This CIO account may not read station channels (403): serving the CIO's meter values "
                        + "and sessions only (no voltages, CP states or current limits)");
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
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
