package org.chargeflex.station.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * {@code java -jar lib/org.chargeflex.station.launcher.jar [--home DIR]}: starts the station firmware and runs until
 * the process is told to stop (SIGTERM/SIGINT), then stops the framework cleanly.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && ClassSharingTraining.FLAG.equals(args[0])) {
            train(resolveHome(new String[0]));
            return;
        }
        Path home = resolveHome(args);
        System.setProperty("chargeflex.home", home.toString());
        Path logback = home.resolve("conf/logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.exists(logback)) {
            System.setProperty("logback.configurationFile", logback.toString());
        }
        // Jersey and Jetty parts log through java.util.logging: route it to SLF4J as well
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        StationFramework station = StationFramework.start(home, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(station::close, "station-shutdown"));
        station.awaitStop();
    }

    /**
     * {@value ClassSharingTraining#FLAG}: a training start for class data sharing (see {@link ClassSharingTraining});
     * exits 0 when it is done, 1 when it failed.
     */
    private static void train(Path home) {
        int status = 1;
        try {
            int ok = ClassSharingTraining.run(home);
            System.out.printf("class data sharing training: %d of %d requests answered%n", ok,
                    ClassSharingTraining.REQUESTS);
            status = 0;
        } catch (Exception e) {
            System.err.println("class data sharing training failed: " + e);
        }
        System.exit(status); // also ends threads a bundle may have left behind
    }

    static Path resolveHome(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if ("--home".equals(args[i])) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--home needs a folder");
                }
                return Paths.get(args[i + 1]).toAbsolutePath().normalize();
            }
            throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--home DIR]");
        }
        String prop = System.getProperty("chargeflex.home");
        if (prop != null) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        // the jar lives in HOME/lib
        try {
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher jar", e);
        }
    }
}
