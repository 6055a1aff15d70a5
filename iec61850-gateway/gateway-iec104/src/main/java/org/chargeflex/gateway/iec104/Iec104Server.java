package org.chargeflex.gateway.iec104;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationListener;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.server.AllowedClients;
import org.chargeflex.gateway.iec104.internal.CommandProcessor;
import org.chargeflex.gateway.iec104.internal.ConnectionHandler;
import org.chargeflex.gateway.iec104.internal.GatedSocketFactory;
import org.chargeflex.gateway.iec104.internal.PointCache;
import org.openmuc.j60870.Connection;
import org.openmuc.j60870.Server;
import org.openmuc.j60870.ServerEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's IEC 60870-5-104 server (j60870, GPLv3 — this module is GPLv3, see NOTICE). Addresses per
 * {@link IoaMap} (stations and grid connection points); general and counter interrogation, spontaneous
 * M_ME_TF_1/M_SP_TB_1 on change, C_SE_NC_1 select/execute set-points curtailing stations and grid connection points
 * (a set-point at the rating lifts), C_SC_NA_1 select/execute OFF lifting a curtailment. Only configured SCADA addresses may connect.
 */
public final class Iec104Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Iec104Server.class);

    private final Builder settings;
    private final PointCache points;
    private final Set<ConnectionHandler> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iec104-notifier");
        t.setDaemon(true);
        return t;
    });
    private final Listener listener = new Listener();
    private final GatedSocketFactory sockets = new GatedSocketFactory();
    private Server server;

    private Iec104Server(Builder b) {
        this.settings = b;
        this.points = new PointCache(b.core, b.blocks, b.gcpBlocks, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening. */
    public Iec104Server start() throws IOException {
        server = Server.builder().setBindAddr(settings.bindAddress).setPort(settings.port)
                .setMaxConnections(settings.maxConnections).setSocketFactory(sockets)
                .setAllowedClients(settings.allowedClients.stream().map(InetAddress::getHostAddress).toList())
                .build();
        server.start(new Accepting());
        settings.core.addListener(listener);
        LOG.info("IEC 104 server listening on {}:{} (common address {}, allowed clients {})",
                settings.bindAddress, settings.port, settings.commonAddress, settings.allowedClients);
        return this;
    }

    /** The address map in force. */
    public IoaMap ioaMap() {
        return points.map();
    }

    /** Number of open SCADA connections. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        settings.core.removeListener(listener);
        if (server != null) {
            server.stop();
        }
        connections.forEach(ConnectionHandler::close);
        notifier.shutdownNow();
    }

    private final class Accepting implements ServerEventListener {
        @Override
        public void connectionIndication(Connection connection) {
            // the library reads nothing of this connection until the gate opens (after the listener is set): frames
            // that arrived before the listener would be lost
            ConnectionHandler handler = new ConnectionHandler(connection,
                    new CommandProcessor(settings.core, points, settings.commonAddress, settings.selectTimeout,
                            settings.clock),
                    connections::remove);
            handler.begin();
            sockets.open(connection.getRemoteSocketAddress());
            InetAddress remote = connection.getRemoteInetAddress();
            if (!settings.allowedClients.contains(remote)) {
                LOG.warn("Refused IEC 104 connection from {} (not a configured SCADA address)", remote);
                handler.close();
                return;
            }
            connections.add(handler);
            LOG.info("IEC 104 connection from {}", handler.peer());
        }

        @Override
        public void serverStoppedListeningIndication(IOException e) {
            LOG.info("IEC 104 server stopped listening: {}", e.getMessage());
        }

        @Override
        public void connectionAttemptFailed(IOException e) {
            LOG.warn("IEC 104 connection attempt failed: {}", e.getMessage());
        }
    }

    private final class Listener implements StationListener {
        @Override
        public void registryChanged(List<StationInfo> stations) {
            notifier.execute(() -> points.registry(stations, settings.core.gridConnectionPoints()));
        }

        @Override
        public void snapshotChanged(StationSnapshot snapshot) {
            notifier.execute(() -> broadcast(CurtailmentTarget.station(snapshot.id())));
            String gcp = snapshot.info().gridConnectionPoint();
            if (gcp != null) {
                notifier.execute(() -> broadcast(CurtailmentTarget.gridConnectionPoint(gcp)));
            }
        }

        @Override
        public void curtailmentChanged(CurtailmentTarget target) {
            notifier.execute(() -> broadcast(target));
        }

        private void broadcast(CurtailmentTarget target) {
            try {
                var asdus = points.spontaneous(target, settings.commonAddress);
                connections.forEach(c -> c.spontaneous(asdus));
            } catch (RuntimeException e) {
                LOG.error("Could not send the changes of {}", target, e);
            }
        }
    }

    /** Builds an {@link Iec104Server}; the core, the bind address and the allowed SCADA addresses are required. */
    public static final class Builder {
        private GatewayCore core;
        private InetAddress bindAddress;
        private int port = 2404;
        private int commonAddress = 1;
        private int maxConnections = 4;
        private Duration selectTimeout = Duration.ofSeconds(10);
        private Set<InetAddress> allowedClients;
        private final Map<String, Integer> blocks = new HashMap<>();
        private final Map<String, Integer> gcpBlocks = new HashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder core(GatewayCore core) {
            this.core = Objects.requireNonNull(core, "core");
            return this;
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /** TCP port, default 2404. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Common address of ASDU, 1..65534 (default 1). */
        public Builder commonAddress(int ca) {
            if (ca < 1 || ca > 65534) {
                throw new IllegalArgumentException("commonAddress must be 1..65534, got " + ca);
            }
            this.commonAddress = ca;
            return this;
        }

        public Builder maxConnections(int n) {
            if (n < 1 || n > 32) {
                throw new IllegalArgumentException("maxConnections must be 1..32, got " + n);
            }
            this.maxConnections = n;
            return this;
        }

        /** How long a selected set-point waits for its execute (default 10 s; 1 s .. 5 min). */
        public Builder selectTimeout(Duration d) {
            Objects.requireNonNull(d, "selectTimeout");
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("selectTimeout must be 1 s .. 5 min, got " + d);
            }
            this.selectTimeout = d;
            return this;
        }

        /** The SCADA addresses that may connect (no default: an empty set is refused). */
        public Builder allowedClients(Set<InetAddress> clients) {
            this.allowedClients = AllowedClients.require(clients);
            return this;
        }

        /** Fixes a station's IOA block (base address 1000 * block); blocks must be distinct. */
        public Builder stationBlock(String stationId, int block) {
            return block(blocks, Objects.requireNonNull(stationId, "stationId"), block);
        }

        /**
         * Fixes a grid connection point's IOA block (base address 1000 * block); blocks of stations and grid
         * connection points must be distinct. Unconfigured ones are assigned from 16000 downwards.
         */
        public Builder gridConnectionPointBlock(String gcpId, int block) {
            return block(gcpBlocks, Objects.requireNonNull(gcpId, "gcpId"), block);
        }

        /** Adds a block to one of the two maps if all blocks stay distinct and in range. */
        private Builder block(Map<String, Integer> map, String id, int block) {
            Map<String, Integer> next = new HashMap<>(map);
            next.put(id, block);
            IoaMap.validate(map == blocks ? next : blocks, map == gcpBlocks ? next : gcpBlocks);
            map.put(id, block);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Iec104Server build() {
            if (core == null || bindAddress == null || allowedClients == null) {
                throw new IllegalStateException("an Iec104Server needs core, bindAddress and allowedClients");
            }
            return new Iec104Server(this);
        }
    }
}
