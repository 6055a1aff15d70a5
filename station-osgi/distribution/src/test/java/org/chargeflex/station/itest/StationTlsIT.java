package org.chargeflex.station.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The firmware serving HTTPS only, with a certificate made by the JDK's keytool. */
class StationTlsIT {

    @Test
    void servesHttpsWithTheConfiguredCertificateAndBasicAuthWorksOverIt(@TempDir Path home) throws Exception {
        Path keystore = home.resolve("station.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "station", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit-test", "-keypass", "changeit-test"))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        int httpsPort = TestStation.freePort();
        try (TestStation station = TestStation.prepare(home)) {
            station.override("org.apache.felix.http.enable", "false")
                    .override("org.apache.felix.https.enable", "true")
                    .override("org.osgi.service.http.port.secure", Integer.toString(httpsPort))
                    .override("org.apache.felix.https.keystore", keystore.toString())
                    .override("org.apache.felix.https.keystore.password", "changeit-test")
                    .override("org.apache.felix.https.keystore.key.password", "changeit-test")
                    .override("org.apache.felix.https.keystore.type", "PKCS12");
            startWithoutHttpProbe(station);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, "changeit-test".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/rest/channels"))
                    .header("Authorization", TestStation.operator()).build();

            HttpResponse<String> r = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end) {
                try {
                    r = client.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            assertThat(r).isNotNull();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(TestStation.json(r).get("channels").isArray()).isTrue();

            // a client that does not trust the station's certificate is refused during the handshake
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> untrusting.send(req, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static void startWithoutHttpProbe(TestStation station) throws Exception {
        station.override("org.osgi.service.http.port", Integer.toString(TestStation.freePort()));
        station.startFrameworkOnly();
    }
}
