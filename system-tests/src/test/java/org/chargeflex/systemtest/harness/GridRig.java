package org.chargeflex.systemtest.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a DNO curtailment passes through, started for a test or a bench: the real CIO (child process, HTTPS,
 * embedded PostgreSQL) planning with its own optimiser, a station firmware child process with the simulated M3B board
 * ({@link ChargingRig}) registered with its REST address and the CIO's access credential (so the CIO can write the
 * station's grid limit) on the grid connection point {@link #GCP_ID}, a CIO account of role DNO and the grid gateway
 * in this JVM logged in with it. After
 * {@link #start} an EV charges with the station's full 22 kW (31.8 A), planned by the CIO.
 */
public final class GridRig implements AutoCloseable {
    public static final String STATION_ID = "ST-GRID-1";
    public static final String DNO_USER = "dno-gateway";
    /** The grid connection point the station is on (rated 44 kW, so it limits nothing until curtailed). */
    public static final String GCP_ID = "GCP-GRID-1";
    public static final double GCP_MAX_W = 44_000;
    public static final double FULL_A = 31.8; // 22 kW / (3 x 230 V), floored to 0.1 A
    static final Duration STEP = Duration.ofSeconds(30);

    public final CioBackend cio;
    public final CioAdmin admin;
    public final ChargingRig rig;
    public final GridGateway gateway;

    private GridRig(CioBackend cio, CioAdmin admin, ChargingRig rig, GridGateway gateway) {
        this.cio = cio;
        this.admin = admin;
        this.rig = rig;
        this.gateway = gateway;
    }

    public static GridRig start(Path work) throws Exception {
        CioBackend cio = CioBackend.prepare(work.resolve("cio")).withTls();
        CompletableFuture<CioBackend> cioUp = CompletableFuture.supplyAsync(cio::start); // meanwhile: the station
        ChargingRig rig = null;
        GridGateway gateway = null;
        try {
            rig = ChargingRig.start(work.resolve("station"), 6, 30);
            cioUp.join();
            CioAdmin admin = new CioAdmin(cio);
            admin.registerStation(STATION_ID, rig.station.restBaseUrl(), 22_000, List.of("1"));
            putOnGridConnectionPoint(cio, rig.station.restBaseUrl());
            admin.setAccessCredential(STATION_ID, StationInstance.CIO_USER, rig.station.cioPassword());
            String secret = admin.issueStationCredential(STATION_ID);
            // a one-hour stay for 40 kWh: the CIO's planner gives the EV the station's full 22 kW
            rig.station.writeConf("conf/org.chargeflex.station.charging.outlet-1.cfg",
                    ChargingConfig.outlet(6, 30).replace("defaultDepartureMinutes=480", "defaultDepartureMinutes=60"));
            rig.connectCio(cio.baseUrl(), STATION_ID, secret, cio.tls());
            ChargingRig r = rig;
            Await.until("the outlet is idle", STEP, () -> "IDLE".equals(r.channel("outlet1/session/state").asText()));
            gateway = GridGateway.start(work.resolve("gateway"), cio, DNO_USER, admin.createUser(DNO_USER, "DNO"),
                    STATION_ID);
            GridGateway g = gateway;
            rig.plugIn();
            rig.awaitLimit("the CIO's schedule: the station's 22 kW", FULL_A, STEP);
            Await.until("the gateway serves the EV's power from the CIO's meter values", STEP,
                    () -> g.app().core().snapshot(STATION_ID).map(s -> s.totalPowerW().value()).orElse(0.0)
                            > 15_000);
            return new GridRig(cio, admin, rig, gateway);
        } catch (Exception | Error e) {
            for (AutoCloseable c : new AutoCloseable[] {gateway, rig, cio}) {
                if (c != null) {
                    c.close();
                }
            }
            throw e;
        }
    }

    /** Registers {@link #GCP_ID} and puts the station on it. */
    private static void putOnGridConnectionPoint(CioBackend cio, String restBaseUrl) {
        CioAdmin.expect(200, cio.admin().put("/api/v1/admin/grid-connection-points/" + GCP_ID,
                Map.of("name", "System test feeder", "maxPowerW", GCP_MAX_W)), "register " + GCP_ID);
        CioAdmin.expect(200, cio.admin().put("/api/v1/admin/stations/" + STATION_ID, Map.of("name",
                "System test " + STATION_ID, "maxPowerW", 22_000, "restBaseUrl", restBaseUrl,
                "gridConnectionPoint", GCP_ID)), "put " + STATION_ID + " on " + GCP_ID);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {gateway, rig, cio}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
