package org.chargeflex.gateway.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chargeflex.gateway.core.internal.CurtailmentDispatcher;
import org.chargeflex.gateway.core.internal.StationCache;
import org.chargeflex.gateway.core.internal.StationPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station data the gateway serves and the curtailments it applies. A poller thread reads the
 * {@link StationSource} and keeps a cache; protocol callbacks read the cache and call
 * {@link #curtail(String, double, String)}, which never blocks: a dispatcher thread applies curtailments through the
 * {@link CurtailmentSink}.
 */
public final class GatewayCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCore.class);
    private final StationCache cache;
    private final StationPoller poller;
    private final CurtailmentDispatcher dispatcher;
    private final Clock clock;
    private final StationSource source;

    private GatewayCore(Builder b) {
        this.clock = b.clock;
        this.source = b.source;
        this.cache = new StationCache();
        this.dispatcher = new CurtailmentDispatcher(b.sink, cache, b.retryDelay);
        this.poller = new StationPoller(b.source, cache, b.pollInterval);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the registry, all stations and the curtailments in force at the CIO once (blocking), then polls in the
     * background. The curtailments read serve as the limits in force and as the fallback of a refused command.
     */
    public GatewayCore start() {
        poller.pollOnce();
        try {
            for (Curtailment c : source.curtailments()) {
                if (cache.known(c.target())) {
                    cache.putCurtailment(c);
                    dispatcher.accepted(c.target(), Optional.of(c));
                }
            }
        } catch (SourceException e) {
            LOG.warn("Cannot read the curtailments in force; serving the ratings until the SCADA commands: {}",
                    e.getMessage());
        }
        poller.start();
        return this;
    }

    /** Polls the source now (blocking; for tests and after an operator change). */
    public void pollNow() {
        poller.pollOnce();
    }

    /** The registry as last read. */
    public List<StationInfo> stations() {
        return cache.stations();
    }

    public Optional<StationSnapshot> snapshot(String stationId) {
        return cache.snapshot(stationId);
    }

    /** The curtailment in force for a station (it holds until the next one or a lift). */
    public Optional<Curtailment> curtailment(String stationId) {
        return curtailment(CurtailmentTarget.station(stationId));
    }

    /** The curtailment served for a target: the last one accepted here, until the CIO refuses it. */
    public Optional<Curtailment> curtailment(CurtailmentTarget target) {
        return cache.curtailment(target);
    }

    /** The grid connection points as last read. */
    public List<GridConnectionPointInfo> gridConnectionPoints() {
        return cache.gridConnectionPoints();
    }

    /** The snapshots of the stations on a grid connection point, in registry order. */
    public List<StationSnapshot> members(String gcpId) {
        return cache.stations().stream().filter(s -> gcpId.equals(s.gridConnectionPoint()))
                .map(s -> cache.snapshot(s.id()).orElse(null)).filter(Objects::nonNull).toList();
    }

    /** Total active power of a grid connection point's stations, W (see {@link Readings#total}). */
    public Reading gridConnectionPointPowerW(String gcpId) {
        return Readings.total(members(gcpId).stream().map(StationSnapshot::totalPowerW).toList());
    }

    /** Power the CIO has planned for a grid connection point's stations, W. */
    public Reading gridConnectionPointPlannedW(String gcpId) {
        return Readings.total(members(gcpId).stream().map(StationSnapshot::plannedPowerW).toList());
    }

    /** A station's limit; see {@link #curtail(CurtailmentTarget, double, String)}. */
    public Optional<Curtailment> curtail(String stationId, double limitW, String origin)
            throws CurtailmentRejectedException {
        return curtail(CurtailmentTarget.station(stationId), limitW, origin);
    }

    /**
     * Accepts a DNO limit for a station or grid connection point: validates it against the cached registry, records
     * it (served at once as the limit in force) and hands it to the dispatcher. A limit equal to the target's rating
     * (its registered maxPowerW) lifts the curtailment instead ({@link #lift}). A limit below the target's measured
     * power, below the power the CIO has planned for it or below the previous curtailment is an emergency (the CIO
     * also writes it straight to the stations, which do not have to wait for their next schedule). Never blocks on
     * I/O, so it may be called under a protocol library's lock.
     *
     * @return the curtailment served, or empty when the limit lifted the curtailment
     * @throws CurtailmentRejectedException for an unknown target or a limit outside 0..maxPowerW; nothing changes
     */
    public Optional<Curtailment> curtail(CurtailmentTarget target, double limitW, String origin)
            throws CurtailmentRejectedException {
        double rating = validate(target, limitW);
        if (limitW == rating) {
            lift(target, origin + " (limit at the rating)");
            return Optional.empty();
        }
        boolean station = target.scope() == CurtailmentTarget.Scope.STATION;
        Reading measured = station ? cache.snapshot(target.id()).orElseThrow().totalPowerW()
                : gridConnectionPointPowerW(target.id());
        Reading planned = station ? cache.snapshot(target.id()).orElseThrow().plannedPowerW()
                : gridConnectionPointPlannedW(target.id());
        boolean emergency = below(limitW, measured) || below(limitW, planned)
                || cache.curtailment(target).map(previous -> limitW < previous.limitW()).orElse(false);
        Curtailment c = new Curtailment(target, limitW, emergency, origin, clock.instant());
        cache.putCurtailment(c);
        dispatcher.submit(c);
        return Optional.of(c);
    }

    /**
     * Lifts a target's curtailment: the rating is served at once and the dispatcher asks the CIO to delete the
     * curtailment (also when none is served here: the CIO may hold one from before the gateway started). Never blocks.
     *
     * @throws CurtailmentRejectedException for an unknown target; nothing changes
     */
    public void lift(CurtailmentTarget target, String origin) throws CurtailmentRejectedException {
        rating(target);
        cache.removeCurtailment(target);
        dispatcher.lift(target, origin);
    }

    private static boolean below(double limitW, Reading r) {
        return r.quality() != Quality.INVALID && limitW < r.value();
    }

    /** Checks a station limit; see {@link #validate(CurtailmentTarget, double)}. */
    public void validate(String stationId, double limitW) throws CurtailmentRejectedException {
        validate(CurtailmentTarget.station(stationId), limitW);
    }

    /**
     * Checks a limit as {@link #curtail} would, without applying it.
     *
     * @return the target's rating (registered maxPowerW), W: a limit equal to it lifts the curtailment
     * @throws CurtailmentRejectedException for an unknown target or a limit outside 0..maxPowerW
     */
    public double validate(CurtailmentTarget target, double limitW) throws CurtailmentRejectedException {
        double max = rating(target);
        if (!Double.isFinite(limitW) || limitW < 0 || limitW > max) {
            throw new CurtailmentRejectedException(CurtailmentRejectedException.Reason.OUT_OF_RANGE,
                    "limit " + limitW + " W for " + target + " is outside 0.." + max + " W");
        }
        return max;
    }

    /**
     * A limit received as a 32-bit float (IEC 61850 FLOAT32, IEC 104 short float): the target's rating when it is the
     * rating rounded to float (so that writing the rating back lifts the curtailment and is never out of range),
     * else the value itself.
     *
     * @throws CurtailmentRejectedException for an unknown target
     */
    public double limitOf(CurtailmentTarget target, float value) throws CurtailmentRejectedException {
        double rating = rating(target);
        return value == (float) rating ? rating : value;
    }

    /**
     * The rating of a target: a station's or grid connection point's registered maxPowerW, W.
     *
     * @throws CurtailmentRejectedException for an unknown target
     */
    public double rating(CurtailmentTarget target) throws CurtailmentRejectedException {
        Optional<Double> max = target.scope() == CurtailmentTarget.Scope.STATION
                ? cache.snapshot(target.id()).map(s -> s.info().maxPowerW())
                : cache.gridConnectionPoint(target.id()).map(GridConnectionPointInfo::maxPowerW);
        return max.orElseThrow(() -> new CurtailmentRejectedException(
                CurtailmentRejectedException.Reason.UNKNOWN_STATION, "unknown " + target));
    }

    public void addListener(StationListener listener) {
        cache.addListener(listener);
    }

    public void removeListener(StationListener listener) {
        cache.removeListener(listener);
    }

    @Override
    public void close() {
        poller.close();
        dispatcher.close();
    }

    /** Builds a {@link GatewayCore}; source and sink are required. */
    public static final class Builder {
        private StationSource source;
        private CurtailmentSink sink;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration retryDelay = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder source(StationSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        public Builder sink(CurtailmentSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** How often the source is read (default 5 s; 50 ms .. 1 h). */
        public Builder pollInterval(Duration d) {
            this.pollInterval = within(d, Duration.ofMillis(50), Duration.ofHours(1), "pollInterval");
            return this;
        }

        /** Delay before a failed curtailment is tried again (default 2 s; 10 ms .. 10 min). */
        public Builder retryDelay(Duration d) {
            this.retryDelay = within(d, Duration.ofMillis(10), Duration.ofMinutes(10), "retryDelay");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public GatewayCore build() {
            if (source == null || sink == null) {
                throw new IllegalStateException("a GatewayCore needs a source and a sink");
            }
            return new GatewayCore(this);
        }

        private static Duration within(Duration d, Duration min, Duration max, String name) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min + " .. " + max + ", got " + d);
            }
            return d;
        }
    }
}
