package org.chargeflex.station.cioclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.chargeflex.station.cioclient.api.CioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over TLS the CIO's certificate is verified: trusted through the trust store, refused without it. */
class CioClientTlsTest {
    static final String PASSWORD = "changeit-test";
    @TempDir
    static Path dir;
    static StandInCio cio;

    @BeforeAll
    static void startHttpsCio() throws Exception {
        Path keystore = dir.resolve("cio.p12");
        Path cert = dir.resolve("cio.crt");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "cio", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost", "-validity", "2", "-keystore", keystore.toString(), "-storetype",
                "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "cio", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-rfc",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "cio", "-file", cert.toString(), "-keystore",
                truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        cio = new StandInCio(server);
        cio.handler(r -> new StandInCio.Reply(200, "\"sch-1\"", CioClientImplTest.SCHEDULE));
    }

    @AfterAll
    static void stop() {
        cio.close();
    }

    static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    CioClientImpl client(Path truststore) throws Exception {
        CioClientImpl c = new CioClientImpl();
        c.start(new ClientSettings(cio.base(), "ST-1", "s3cret", truststore, PASSWORD.toCharArray(), "PKCS12",
                Duration.ofSeconds(3), Duration.ofSeconds(3), 1, 10, 50, dir.resolve("outbox-" + System.nanoTime()),
                100, 4096, 10));
        return c;
    }

    @Test
    void theCioCertificateInTheTrustStoreIsAccepted() throws Exception {
        CioClientImpl c = client(dir.resolve("trust.p12"));
        try {
            assertThat(cio.base().getScheme()).isEqualTo("https");
            assertThat(c.pollSchedule("s1", null)).isPresent();
        } finally {
            c.stop();
        }
    }

    @Test
    void withoutTheCertificateInTheTrustStoreTheConnectionIsRefused() throws Exception {
        CioClientImpl c = client(null);
        try {
            assertThatThrownBy(() -> c.pollSchedule("s1", null)).isInstanceOfSatisfying(CioException.class, e -> {
                assertThat(e.kind()).isEqualTo(CioException.Kind.UNREACHABLE);
                assertThat(e.getMessage()).containsIgnoringCase("certification path");
            });
        } finally {
            c.stop();
        }
    }
}
