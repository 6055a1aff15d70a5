package org.chargeflex.station.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * A training start for class data sharing: the firmware's bundles (this home's {@code bundle/}) started in a
 * throwaway home in a temporary folder, with the training configuration shipped in this jar
 * ({@code /class-sharing-training/}: virtual-driver channels only, no CIO client, REST on a free loopback port with a
 * random bearer token), answering a few REST requests, then stopped and the folder deleted. The station's own
 * configuration is not used (only {@code conf/framework.properties}, for the framework settings), so the training opens
 * no device, no outside connection and no configured port, needs no credential and writes nothing outside the
 * temporary folder.
 *
 * <p>{@code bin/chargeflex-station --prepare-class-sharing} runs it with {@code -XX:ArchiveClassesAtExit} at
 * installation time: the JVM writes the classes it loaded (those of a start and of a request) to the archive when it
 * exits, so that the station's first real start maps them already.
 */
final class ClassSharingTraining {
    /** Command-line flag of {@link Main} that runs the training instead of the station. */
    static final String FLAG = "--train-class-sharing";
    /** The configuration files of the training home, resources under {@code /class-sharing-training/}. */
    static final List<String> CONF_FILES = List.of("channels.json", "org.chargeflex.station.datamanager.cfg",
            "org.chargeflex.station.rest.cfg", "logback.xml");
    /** A channel of the training's channels.json that the requests read. */
    static final String CHANNEL_PATH = "/rest/channels/training/power";
    static final int REQUESTS = 200;
    private static final long READY_TIMEOUT_MILLIS = 60_000;

    private ClassSharingTraining() {
    }

    /** Runs the training; returns the number of REST requests answered 200. */
    static int run(Path home) throws IOException, BundleException, InterruptedException {
        Path sandbox = Files.createTempDirectory("chargeflex-cds-training");
        try {
            String token = HexFormat.of().formatHex(randomBytes(24));
            Path conf = Files.createDirectories(sandbox.resolve("conf"));
            Path frameworkProperties = home.resolve("conf/framework.properties");
            if (Files.exists(frameworkProperties)) {
                Files.copy(frameworkProperties, conf.resolve("framework.properties"));
            }
            for (String name : CONF_FILES) {
                try (InputStream in = ClassSharingTraining.class.getResourceAsStream("/class-sharing-training/"
                        + name)) {
                    if (in == null) {
                        throw new IllegalStateException("training resource " + name + " missing from the launcher");
                    }
                    Files.copy(in, conf.resolve(name));
                }
            }
            // logging and the bundles' files go to the training home
            System.setProperty("chargeflex.home", sandbox.toString());
            System.setProperty("logback.configurationFile", conf.resolve("logback.xml").toString());
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
            Files.writeString(conf.resolve("users.json"), "{\"users\":[],\"tokens\":[{\"name\":\"training\","
                    + "\"sha256\":\"" + sha256(token) + "\",\"roles\":[\"read\"]}]}");
            int port = freeLoopbackPort();
            // whatever conf/framework.properties says: the cache, the port and the configuration are the training's
            Map<String, String> overrides = Map.of(
                    Constants.FRAMEWORK_STORAGE, sandbox.resolve("data/felix-cache").toString(),
                    "org.apache.felix.http.host", "127.0.0.1",
                    "org.osgi.service.http.port", Integer.toString(port),
                    "org.apache.felix.http.enable", "true",
                    "org.apache.felix.https.enable", "false",
                    "felix.fileinstall.dir", conf.toString());
            try (StationFramework station = StationFramework.start(sandbox, home.resolve("bundle"), overrides)) {
                awaitAnswer(port, token);
                int ok = 0;
                for (int i = 0; i < REQUESTS; i++) {
                    ok += get(port, CHANNEL_PATH, token) == 200 ? 1 : 0;
                }
                get(port, "/rest/channels", token); // Jersey's request path
                return ok;
            }
        } finally {
            deleteTree(sandbox);
        }
    }

    private static void awaitAnswer(int port, String token) throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, CHANNEL_PATH, token) == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the training station did not answer within " + READY_TIMEOUT_MILLIS
                + " ms");
    }

    /** One HTTP/1.1 GET on a new connection; returns the status code. */
    static int get(int port, String path, String token) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = s.getInputStream().readAllBytes();
            String status = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.US_ASCII);
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP answer: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
