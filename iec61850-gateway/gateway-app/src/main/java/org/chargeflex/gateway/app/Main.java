package org.chargeflex.gateway.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar gateway-app-<version>-runnable.jar <config file>}: starts the gateway and runs until SIGTERM/SIGINT,
 * then shuts down cleanly. Exit codes: 2 for a usage or configuration problem (every problem listed), 1 when the
 * servers cannot start (e.g. a port in use).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream err) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: java -jar gateway-app-runnable.jar <gateway.properties | gateway.json>");
            err.println("(keys: docs/grid-gateway.md, section 'Gateway application')");
            return 2;
        }
        GatewayConfig config;
        try {
            config = new ConfigReader(System::getenv).read(Path.of(args[0]));
        } catch (ConfigException e) {
            err.println("grid gateway: the configuration " + args[0] + " is refused:");
            e.problems().forEach(p -> err.println("  - " + p));
            return 2;
        }
        GatewayApp app;
        try {
            app = GatewayApp.start(config);
        } catch (IOException | RuntimeException e) {
            err.println("grid gateway: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
