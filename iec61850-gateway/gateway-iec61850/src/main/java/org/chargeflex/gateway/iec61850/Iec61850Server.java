package org.chargeflex.gateway.iec61850;

import com.beanit.openiec61850.SclParseException;
import com.beanit.openiec61850.SclParser;
import com.beanit.openiec61850.ServerModel;
import com.beanit.openiec61850.ServerSap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationListener;
import org.chargeflex.gateway.core.StationSnapshot;
import org.chargeflex.gateway.core.server.AllowedClients;
import org.chargeflex.gateway.iec61850.internal.AllowListSocketFactory;
import org.chargeflex.gateway.iec61850.internal.LdNames;
import org.chargeflex.gateway.iec61850.internal.ModelUpdater;
import org.chargeflex.gateway.iec61850.internal.SclWriter;
import org.chargeflex.gateway.iec61850.internal.WriteHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's IEC 61850 (MMS) server: a model generated from the registry of stations and grid connection points
 * (docs/grid-gateway.md), values from the {@link GatewayCore}'s cache, writes of {@code DESE1.ChaPwrLim} curtailing the
 * station or grid connection point (the rating lifts the curtailment). A registry change
 * restarts the server with a new model (clients reconnect). All model updates run on one updater thread, never on
 * the core's poller thread and never under the library's lock.
 */
public final class Iec61850Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Iec61850Server.class);
    private static final Pattern IED_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,15}");

    private final GatewayCore core;
    private final String iedName;
    private final InetAddress bindAddress;
    private final int maxAssociations;
    private final AllowListSocketFactory sockets;
    private final ExecutorService updater = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iec61850-updater");
        t.setDaemon(true);
        return t;
    });
    private final Listener listener = new Listener();
    private int port;
    private ServerSap sap;
    private ModelUpdater model;

    private Iec61850Server(Builder b) {
        this.core = b.core;
        this.iedName = b.iedName;
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.maxAssociations = b.maxAssociations;
        this.sockets = new AllowListSocketFactory(b.allowedClients);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Generates the model from the core's registry and starts listening; returns when the port is bound. */
    public Iec61850Server start() throws IOException {
        try {
            updater.submit(() -> {
                startServer(core.stations());
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("IEC 61850 server did not start: " + e.getCause().getMessage(), e.getCause());
        }
        core.addListener(listener);
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The logical device name of a station ({@code <IED name><inst>}), or null. */
    public String logicalDevice(String stationId) {
        return logicalDevice(CurtailmentTarget.station(stationId));
    }

    /** The logical device name of a station or grid connection point ({@code <IED name><inst>}), or null. */
    public String logicalDevice(CurtailmentTarget target) {
        String inst = new LdNames(core.stations(), core.gridConnectionPoints()).inst(target);
        return inst == null ? null : iedName + inst;
    }

    /** The SCL (ICD) of the current registry, as the server serves it. */
    public String scl() {
        List<StationInfo> stations = core.stations();
        List<GridConnectionPointInfo> gcps = core.gridConnectionPoints();
        return new SclWriter(iedName).write(stations, gcps, new LdNames(stations, gcps));
    }

    private void startServer(List<StationInfo> stations) throws IOException, SclParseException {
        if (port == 0) {
            // the library refuses port 0: take a free port once and keep it across restarts
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, bindAddress)) {
                port = probe.getLocalPort();
            }
        }
        if (stations.isEmpty()) {
            LOG.warn("No stations in the registry (yet): the IEC 61850 server starts when there are some");
            return;
        }
        List<GridConnectionPointInfo> gcps = core.gridConnectionPoints();
        LdNames names = new LdNames(stations, gcps);
        String scl = new SclWriter(iedName).write(stations, gcps, names);
        ServerModel serverModel = SclParser.parse(new ByteArrayInputStream(scl.getBytes(StandardCharsets.UTF_8)))
                .get(0);
        ServerSap next = new ServerSap(port, 0, bindAddress, serverModel, sockets);
        next.setMaxAssociations(maxAssociations);
        next.startListening(new WriteHandler(core, iedName, names, sockets::peers));
        sap = next;
        model = new ModelUpdater(next, iedName, names);
        for (StationInfo s : stations) {
            model.initialise(s);
            core.snapshot(s.id()).ifPresent(this::apply);
        }
        for (GridConnectionPointInfo g : gcps) {
            model.initialise(g);
            applyGridConnectionPoint(g.id());
        }
        LOG.info("IEC 61850 server listening on {}:{} with {} logical devices", bindAddress, port,
                stations.size() + gcps.size());
    }

    private void apply(StationSnapshot s) {
        if (model != null) {
            model.apply(s, core.curtailment(s.id()));
        }
    }

    private void applyGridConnectionPoint(String gcpId) {
        if (model == null) {
            return;
        }
        core.gridConnectionPoints().stream().filter(g -> g.id().equals(gcpId)).findFirst()
                .ifPresent(g -> model.apply(g, core.gridConnectionPointPowerW(gcpId),
                        core.gridConnectionPointPlannedW(gcpId),
                        core.curtailment(CurtailmentTarget.gridConnectionPoint(gcpId))));
    }

    private void restart(List<StationInfo> stations) {
        LOG.info("Station registry changed: restarting the IEC 61850 server with a new model");
        if (sap != null) {
            sap.stop();
            sap = null;
        }
        model = null;
        try {
            startServer(stations);
        } catch (IOException | SclParseException | RuntimeException e) {
            LOG.error("IEC 61850 server could not restart with the new model", e);
        }
    }

    @Override
    public void close() {
        core.removeListener(listener);
        updater.shutdownNow();
        try {
            if (!updater.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("IEC 61850 updater did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sap != null) {
            sap.stop();
        }
    }

    private final class Listener implements StationListener {
        @Override
        public void registryChanged(List<StationInfo> stations) {
            updater.execute(() -> restart(stations));
        }

        @Override
        public void snapshotChanged(StationSnapshot snapshot) {
            updater.execute(() -> applySafely(CurtailmentTarget.station(snapshot.id())));
            String gcp = snapshot.info().gridConnectionPoint();
            if (gcp != null) {
                updater.execute(() -> applySafely(CurtailmentTarget.gridConnectionPoint(gcp)));
            }
        }

        @Override
        public void curtailmentChanged(CurtailmentTarget target) {
            updater.execute(() -> applySafely(target));
        }

        private void applySafely(CurtailmentTarget target) {
            try {
                if (target.scope() == CurtailmentTarget.Scope.STATION) {
                    core.snapshot(target.id()).ifPresent(Iec61850Server.this::apply);
                } else {
                    applyGridConnectionPoint(target.id());
                }
            } catch (RuntimeException e) {
                LOG.error("Could not update the IEC 61850 model of {}", target, e);
            }
        }
    }

    /** Builds an {@link Iec61850Server}; the core, the bind address and the allowed SCADA addresses are required. */
    public static final class Builder {
        private GatewayCore core;
        private String iedName = "CFGW";
        private InetAddress bindAddress;
        private int port = 102;
        private int maxAssociations = 8;
        private Set<InetAddress> allowedClients;

        private Builder() {
        }

        public Builder core(GatewayCore core) {
            this.core = Objects.requireNonNull(core, "core");
            return this;
        }

        /** IED name, 1..16 letters, digits, '_' (starting with a letter); default CFGW. */
        public Builder iedName(String name) {
            if (name == null || !IED_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("iedName must match " + IED_NAME + ", got " + name);
            }
            this.iedName = name;
            return this;
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /** TCP port, default 102; 0 picks a free port (see {@link #port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder maxAssociations(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("maxAssociations must be 1..64, got " + n);
            }
            this.maxAssociations = n;
            return this;
        }

        /** The SCADA addresses that may connect (no default: an empty set is refused). */
        public Builder allowedClients(Set<InetAddress> clients) {
            this.allowedClients = AllowedClients.require(clients);
            return this;
        }

        public Iec61850Server build() {
            if (core == null || bindAddress == null || allowedClients == null) {
                throw new IllegalStateException("an Iec61850Server needs core, bindAddress and allowedClients");
            }
            return new Iec61850Server(this);
        }
    }
}
