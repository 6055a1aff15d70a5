package org.chargeflex.station.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running station firmware: a Felix framework with every bundle of the home folder's {@code bundle/} directory
 * installed and started. Used by {@link Main} and, in-process, by the integration tests.
 */
public final class StationFramework implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationFramework.class);

    /** Framework property naming the station's home folder. */
    public static final String HOME_PROPERTY = "chargeflex.home";
    /**
     * Framework property: comma-separated symbolic names of bundles started before all others, in this order (the
     * others follow in the order of their file names). Names of bundles that are not installed are ignored.
     */
    public static final String START_FIRST_PROPERTY = "chargeflex.bundles.startFirst";

    private final Path home;
    private final Framework framework;

    private StationFramework(Path home, Framework framework) {
        this.home = home;
        this.framework = framework;
    }

    /**
     * Starts the firmware of a home folder ({@code conf/}, {@code bundle/}, {@code data/}).
     *
     * @param overrides framework properties that win over {@code conf/framework.properties}
     */
    public static StationFramework start(Path home, Map<String, String> overrides) throws IOException, BundleException {
        return start(home, home.resolve("bundle"), overrides);
    }

    /**
     * Starts the bundles of {@code bundleDir} with the configuration and data of {@code home} (used by the class data
     * sharing training, whose home is a temporary folder).
     */
    static StationFramework start(Path home, Path bundleDir, Map<String, String> overrides)
            throws IOException, BundleException {
        Path absHome = home.toAbsolutePath().normalize();
        Map<String, String> props = FrameworkProperties.load(absHome, overrides);
        // bundles find conf/ and data/ through this framework property (several stations may share one JVM)
        props.put(HOME_PROPERTY, absHome.toString());
        props.putIfAbsent(Constants.FRAMEWORK_STORAGE, absHome.resolve("data/felix-cache").toString());
        props.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(props);
        framework.init();
        try {
            List<Bundle> installed = installBundles(framework.getBundleContext(), bundleDir);
            framework.start();
            for (Bundle b : startOrder(installed, props.get(START_FIRST_PROPERTY))) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    try {
                        b.start();
                    } catch (BundleException e) {
                        LOG.error("bundle {} did not start", b.getSymbolicName(), e);
                    }
                }
            }
        } catch (IOException | BundleException | RuntimeException e) {
            stopQuietly(framework);
            throw e;
        }
        LOG.info("station firmware started from {} with {} bundles", absHome,
                framework.getBundleContext().getBundles().length - 1);
        return new StationFramework(absHome, framework);
    }

    /** The bundles with those named in {@code startFirst} (comma-separated symbolic names) moved to the front. */
    static List<Bundle> startOrder(List<Bundle> installed, String startFirst) {
        List<Bundle> rest = new ArrayList<>(installed);
        List<Bundle> order = new ArrayList<>();
        if (startFirst != null) {
            for (String name : startFirst.split(",")) {
                String n = name.trim();
                for (Iterator<Bundle> it = rest.iterator(); it.hasNext();) {
                    Bundle b = it.next();
                    if (n.equals(b.getSymbolicName())) {
                        order.add(b);
                        it.remove();
                    }
                }
            }
        }
        order.addAll(rest);
        return order;
    }

    private static List<Bundle> installBundles(BundleContext ctx, Path dir) throws IOException, BundleException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            ds.forEach(jars::add);
        }
        jars.sort(null);
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            Bundle existing = ctx.getBundle(jar.toUri().toString());
            if (existing != null) {
                bundles.add(existing);
                continue;
            }
            try (InputStream in = Files.newInputStream(jar)) {
                bundles.add(ctx.installBundle(jar.toUri().toString(), in));
            }
        }
        return bundles;
    }

    public Path home() {
        return home;
    }

    public Framework framework() {
        return framework;
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /** Waits until the framework has stopped (e.g. after {@link #close()} from a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        stopQuietly(framework);
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("framework did not stop within 30 s");
            }
        } catch (BundleException e) {
            LOG.error("framework stop failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while stopping the framework");
        }
    }
}
