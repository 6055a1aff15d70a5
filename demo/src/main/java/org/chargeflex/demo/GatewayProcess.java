package org.chargeflex.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.CioBackend;
import org.chargeflex.systemtest.harness.Http;

/**
 * The grid gateway application (module {@code iec61850-gateway/gateway-app}, GPLv3) as a child process, when its
 * runnable jar is built ({@code gateway-app-*-runnable.jar} in the folder named by the system property
 * {@code gateway.dir}): {@code java -jar <jar> gateway.properties} with a DNO account of its own at the CIO (password
 * in an environment variable), IEC 61850 and IEC 60870-5-104 on free ports of 127.0.0.1, one 104 address block per
 * station (docs/grid-gateway.md). Without the jar the demo says so and runs without a gateway.
 */
final class GatewayProcess implements AutoCloseable {
    private static final String PASSWORD_ENV = "CHARGEFLEX_GATEWAY_CIO_PASSWORD";
    private final Process process;
    private final Thread cleanup;

    private GatewayProcess(Process process) {
        this.process = process;
        this.cleanup = new Thread(process::destroyForcibly, "gateway-cleanup"); // Ctrl-C must not leave it behind
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    static GatewayProcess startIfBuilt(Path work, String cioBaseUrl, Http admin, List<String> stationIds,
            PrintStream out) throws IOException {
        Optional<Path> jar = findJar();
        if (jar.isEmpty()) {
            out.println("Grid gateway: not built (no gateway-app-*-runnable.jar in " + System.getProperty("gateway.dir")
                    + "); running without it");
            return null;
        }
        String password = CioAdmin.expect(201, admin.post("/api/v1/admin/users",
                Map.of("name", "gateway", "roles", List.of("DNO"))), "gateway account").json().get("password").asText();
        Files.createDirectories(work);
        int mms = CioBackend.freePort();
        int iec104 = CioBackend.freePort();
        StringBuilder conf = new StringBuilder()
                .append("cio.baseUrl=").append(cioBaseUrl).append('\n')
                .append("cio.allowPlainHttp=").append(cioBaseUrl.startsWith("http:")).append('\n')
                .append("cio.username=gateway\n")
                .append("cio.passwordEnv=").append(PASSWORD_ENV).append('\n')
                .append("bindAddress=127.0.0.1\n")
                .append("iec61850.port=").append(mms).append('\n')
                .append("iec104.port=").append(iec104).append('\n')
                .append("scada.allowedClients=127.0.0.1\n")
                .append("pollIntervalMillis=1000\n");
        for (int i = 0; i < stationIds.size(); i++) {
            conf.append("iec104.stationBlocks.").append(stationIds.get(i)).append('=').append(i + 1).append('\n');
        }
        Path file = work.resolve("gateway.properties");
        Path copy = work.resolve("gateway-app.jar"); // a rebuild while the demo runs must not touch the running jar
        Files.copy(jar.get(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(file, conf.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-jar", copy.toString(), file.toString())
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("gateway-console.log").toFile()));
        pb.environment().put(PASSWORD_ENV, password);
        out.printf("Grid gateway: %s, IEC 61850 MMS on 127.0.0.1:%d, IEC 60870-5-104 on 127.0.0.1:%d (log %s)%n",
                jar.get().getFileName(), mms, iec104, work.resolve("gateway-console.log"));
        return new GatewayProcess(pb.start());
    }

    private static Optional<Path> findJar() {
        Path dir = Path.of(System.getProperty("gateway.dir", "iec61850-gateway/gateway-app/target"));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("gateway-app") && n.endsWith("-runnable.jar");
            }).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean running() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops it
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
