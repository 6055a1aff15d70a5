package org.chargeflex.station.charging;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.charging.session.ChannelIo;
import org.chargeflex.station.charging.session.OutletController;
import org.chargeflex.station.charging.session.OutletSettings;
import org.chargeflex.station.charging.session.SessionState;
import org.chargeflex.station.charging.session.StatusSink;
import org.chargeflex.station.charging.session.UserDefaults;
import org.chargeflex.station.cioclient.api.CioClient;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outlet's control loop (factory PID {@code org.chargeflex.station.charging.outlet}, one configuration per
 * outlet). Needs the data access service, the CIO client, the status driver and the station's grid limit; runs {@link OutletController#tick()}
 * every {@code tickMillis} on its own thread, CIO calls on a second one. An invalid configuration is logged with
 * every problem and the outlet does not run (its limit stays as the board has it: 0 A after a start).
 */
@Designate(ocd = Config.class, factory = true)
@Component(name = ChargingOutletImpl.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ChargingOutlet.class)
public class ChargingOutletImpl implements ChargingOutlet {
    static final String FACTORY_PID = "org.chargeflex.station.charging.outlet";
    static final String HOME_PROPERTY = "chargeflex.home";
    private static final Logger LOG = LoggerFactory.getLogger(ChargingOutletImpl.class);

    @Reference
    private DataAccessService dataAccess;
    @Reference
    private CioClient cio;
    @Reference
    private StatusSink status;
    @Reference
    private GridLimit grid;

    private final List<UserProfile> profiles = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProfile(UserProfile p) {
        profiles.add(p);
    }

    void removeProfile(UserProfile p) {
        profiles.remove(p);
    }

    private String outletId;
    private OutletController controller;
    private ScheduledExecutorService ticker;
    private ExecutorService cioCalls;

    @Activate
    void activate(BundleContext context, Config config) {
        OutletSettings s;
        try {
            s = OutletSettingsReader.read(config, context.getProperty(HOME_PROPERTY));
        } catch (IllegalArgumentException e) {
            LOG.error("Charging outlet not started, its configuration ({}) is refused: {}", FACTORY_PID,
                    e.getMessage());
            return;
        }
        outletId = s.outletId();
        cioCalls = Executors.newSingleThreadExecutor(r -> daemon(r, "chargeflex-outlet-" + outletId + "-cio"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chargeflex-outlet-" + outletId));
        DataAccessService das = dataAccess;
        controller = new OutletController(s, new ChannelIo(() -> das), cio, Clock.systemUTC(), cioCalls,
                this::defaultsOf, status, grid);
        ticker.scheduleWithFixedDelay(this::tick, 0, config.tickMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Charging outlet {} started (CP {}, limit {}, station {})", outletId, s.cpStateLabel(),
                s.currentLimitLabel(), cio.stationId());
    }

    private void tick() {
        try {
            controller.tick();
        } catch (RuntimeException e) {
            LOG.error("Charging outlet {}: control loop step failed", outletId, e);
        }
    }

    private UserDefaults defaultsOf(UserIdentification user) {
        for (UserProfile p : profiles) {
            if (p.user().equals(user)) {
                return p.defaults();
            }
        }
        return UserDefaults.NONE;
    }

    @Deactivate
    void deactivate() {
        if (ticker != null) {
            ticker.shutdownNow();
            cioCalls.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            grid.release(outletId);
        }
    }

    static URI url(String value, String what) {
        return OutletSettingsReader.url(value, what);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public String outletId() {
        return outletId;
    }

    @Override
    public SessionState state() {
        return controller == null ? SessionState.IDLE : controller.state();
    }
}
