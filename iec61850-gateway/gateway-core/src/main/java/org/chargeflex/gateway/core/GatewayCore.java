package org.chargeflex.gateway.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chargeflex.gateway.core.internal.CurtailmentDispatcher;
import org.chargeflex.gateway.core.internal.StationCache;
import org.chargeflex.gateway.core.internal.StationPoller;

/**
 * The station data the gateway serves and the curtailments it applies. A poller thread reads the
 * {@link StationSource} and keeps a cache; protocol callbacks read the cache and call
 * {@link #curtail(String, double, String)}, which never blocks: a dispatcher thread applies curtailments through the
 * {@link CurtailmentSink}.
 */
public final class GatewayCore implements AutoCloseable {
    private final StationCache cache;
    private final StationPoller poller;
    private final CurtailmentDispatcher dispatcher;
    private final Clock clock;

    private GatewayCore(Builder b) {
        this.clock = b.clock;
        this.cache = new StationCache();
        this.dispatcher = new CurtailmentDispatcher(b.sink, cache, b.retryDelay);
        this.poller = new StationPoller(b.source, cache, b.pollInterval);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the registry and all stations once (blocking), then polls in the background. */
    public GatewayCore start() {
        poller.pollOnce();
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

    /** The curtailment in force for a station (it holds until the next one). */
    public Optional<Curtailment> curtailment(String stationId) {
        return cache.curtailment(stationId);
    }

    /**
     * Accepts a DNO limit for a station: validates it against the cached registry, records it (served at once as the
     * limit in force) and hands it to the dispatcher. A limit below the station's measured power, below the power
     * the CIO has planned for it or below the previous curtailment is an emergency (the CIO also writes it straight
     * to the station, which does not have to wait for its next schedule). Never blocks on I/O, so it may be called under a protocol
     * library's lock.
     *
     * @throws CurtailmentRejectedException for an unknown station or a limit outside 0..maxPowerW; nothing changes
     */
    public Curtailment curtail(String stationId, double limitW, String origin) throws CurtailmentRejectedException {
        validate(stationId, limitW);
        StationSnapshot snapshot = cache.snapshot(stationId).orElseThrow();
        boolean emergency = below(limitW, snapshot.totalPowerW()) || below(limitW, snapshot.plannedPowerW())
                || cache.curtailment(stationId).map(previous -> limitW < previous.limitW()).orElse(false);
        Curtailment c = new Curtailment(stationId, limitW, emergency, origin, clock.instant());
        cache.putCurtailment(c);
        dispatcher.submit(c);
        return c;
    }

    private static boolean below(double limitW, Reading r) {
        return r.quality() != Quality.INVALID && limitW < r.value();
    }

    /**
     * Checks a limit as {@link #curtail} would, without applying it.
     *
     * @throws CurtailmentRejectedException for an unknown station or a limit outside 0..maxPowerW
     */
    public void validate(String stationId, double limitW) throws CurtailmentRejectedException {
        StationInfo info = cache.snapshot(stationId).map(StationSnapshot::info)
                .orElseThrow(() -> new CurtailmentRejectedException(CurtailmentRejectedException.Reason.UNKNOWN_STATION,
                        "unknown station '" + stationId + "'"));
        if (!Double.isFinite(limitW) || limitW < 0 || limitW > info.maxPowerW()) {
            throw new CurtailmentRejectedException(CurtailmentRejectedException.Reason.OUT_OF_RANGE,
                    "limit " + limitW + " W for station '" + stationId + "' is outside 0.." + info.maxPowerW() + " W");
        }
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
