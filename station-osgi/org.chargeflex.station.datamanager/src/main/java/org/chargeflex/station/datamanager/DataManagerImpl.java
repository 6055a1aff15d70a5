package org.chargeflex.station.datamanager;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.api.driver.DriverService;
import org.chargeflex.station.datamanager.routing.DaemonThreads;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSGi face of the {@link DataManager}: turns the configuration into {@link Settings}, follows the
 * {@link DriverService}s as they come and go, and provides the {@link DataAccessService}.
 */
@Designate(ocd = Config.class)
@Component(name = DataManagerImpl.PID, configurationPid = DataManagerImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = DataAccessService.class, immediate = true)
public class DataManagerImpl implements DataAccessService {
    static final String PID = "org.chargeflex.station.datamanager";
    private static final Logger LOG = LoggerFactory.getLogger(DataManagerImpl.class);

    private final DriverRegistry drivers = new DriverRegistry();
    private ScheduledThreadPoolExecutor scheduler;
    private volatile String home;
    private volatile DataManager core;

    @Reference(name = "drivers", service = DriverService.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeDriver")
    void addDriver(DriverService driver) {
        drivers.add(driver);
    }

    void removeDriver(DriverService driver) {
        drivers.remove(driver);
    }

    @Activate
    void activate(BundleContext context, Config config) {
        // a framework property wins, so several stations can run in one JVM (tests); else the system property
        start(context.getProperty(Settings.HOME_PROPERTY), config);
    }

    /** Starts the core; {@code home} resolves relative paths (null: the working directory). */
    void start(String homeFolder, Config config) {
        home = homeFolder;
        Settings settings;
        try {
            settings = settings(config, home);
        } catch (IllegalArgumentException e) {
            LOG.error("Data manager configuration rejected, starting with the default settings: {}",
                    e.getMessage());
            settings = Settings.defaults(home);
        }
        scheduler = new ScheduledThreadPoolExecutor(2, DaemonThreads.named("chargeflex-dm-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        DataManager dm = new DataManager(settings, scheduler, Clock.systemUTC(), drivers);
        try {
            dm.start();
        } catch (RuntimeException e) {
            dm.close();
            scheduler.shutdownNow();
            throw e;
        }
        core = dm;
        LOG.info("Data manager started: channels file {}, history in {}", settings.channelsFile(),
                settings.historyDirectory());
    }

    @Modified
    void modified(Config config) {
        Settings settings;
        try {
            settings = settings(config, home);
        } catch (IllegalArgumentException e) {
            LOG.error("Data manager configuration rejected, the previous settings stay in force: {}",
                    e.getMessage());
            return;
        }
        core.updateSettings(settings);
        LOG.info("Data manager settings updated: {}", settings);
    }

    @Deactivate
    void deactivate() {
        DataManager dm = core;
        core = null;
        if (dm != null) {
            dm.close();
        }
        scheduler.shutdownNow();
    }

    static Settings settings(Config c, String home) {
        return new Settings(Settings.resolve(c.channelsFile(), home), Settings.resolve(c.historyDirectory(), home),
                c.historyMaxRecords(), c.channelsFilePollMillis(), c.driverTimeoutMillis(), c.reconnectMinMillis(),
                c.reconnectMaxMillis());
    }

    @Override
    public List<String> getAllLabels() {
        DataManager dm = core;
        return dm == null ? List.of() : dm.getAllLabels();
    }

    @Override
    public Optional<Channel> getChannel(String label) {
        DataManager dm = core;
        return dm == null ? Optional.empty() : dm.getChannel(label);
    }
}
