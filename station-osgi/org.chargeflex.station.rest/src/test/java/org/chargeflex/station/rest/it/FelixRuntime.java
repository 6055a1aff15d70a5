package org.chargeflex.station.rest.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A real Apache Felix framework in this JVM with the runtime bundles the REST server needs (copied by the build to
 * {@code it.bundles.dir}) and the REST bundle under test ({@code it.rest.bundle}).
 */
final class FelixRuntime implements AutoCloseable {
    /** The runtime bundles, in install and start order. */
    static final List<String> RUNTIME_BUNDLES = List.of(
            "org.osgi.util.function.jar",
            "org.osgi.util.promise.jar",
            "org.osgi.service.component.jar",
            "org.apache.felix.configadmin.jar",
            "org.apache.felix.scr.jar",
            "org.apache.felix.http.servlet-api.jar",
            "org.apache.felix.http.wrappers.jar",
            "commons-io.jar",
            "commons-fileupload.jar",
            "org.apache.felix.http.jetty12.jar",
            "jackson-annotations.jar",
            "jackson-core.jar",
            "jackson-databind.jar",
            "org.chargeflex.station.api.jar");

    private final Framework framework;
    private final List<Bundle> bundles = new ArrayList<>();
    final int port;

    FelixRuntime(Path home) throws IOException, BundleException {
        port = freePort();
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, home.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,"
                + "org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17");
        config.put("org.osgi.service.http.port", Integer.toString(port));
        config.put("org.apache.felix.http.host", "127.0.0.1");
        config.put("chargeflex.home", home.toString());
        config.put("felix.log.level", "1");
        config.put("ds.loglevel", "warn");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        framework = factory.newFramework(config);
        framework.start();
        Path dir = Path.of(required("it.bundles.dir"));
        for (String name : RUNTIME_BUNDLES) {
            bundles.add(install(dir.resolve(name)));
        }
        bundles.add(install(Path.of(required("it.rest.bundle"))));
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    List<Bundle> installed() {
        return List.copyOf(bundles);
    }

    @Override
    public void close() throws BundleException {
        framework.stop();
        try {
            framework.waitForStop(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while stopping the framework", e);
        }
    }

    private Bundle install(Path jar) throws BundleException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("bundle " + jar + " is missing; run the build (mvn install) first");
        }
        return framework.getBundleContext().installBundle(jar.toUri().toString());
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through failsafe)");
        }
        return v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
