package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.chargeflex.cio.CioApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's way of running: no datasource configured, so the application starts its own embedded PostgreSQL in
 * its data directory; no admin password configured, so it creates one and logs it once. Served over TLS with a
 * keystore made by keytool, as production would configure it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneStartupTest {
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("'admin' with password (\\S+) - shown only this once");
    private static final String KEYSTORE_PASSWORD = "keystore-secret";

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAdminWithLoggedPasswordOnEmbeddedPostgresOverTls(CapturedOutput output) throws Exception {
        Path keystore = keystore();
        String password;
        try (ConfigurableApplicationContext app = start(keystore)) {
            Matcher m = ADMIN_PASSWORD.matcher(output.getOut());
            assertThat(m.find()).as("admin password in the log").isTrue();
            password = m.group(1);
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

            assertThat(get(https, port, null).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = get(https, port, "admin:" + password);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("[]");
        }
        assertThat(Files.exists(dir.resolve("pg/PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext again = start(keystore)) {
            String port = again.getEnvironment().getProperty("local.server.port");
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            assertThat(get(https, port, "admin:" + password).statusCode()).as("same admin after restart").isEqualTo(200);
            Matcher m = ADMIN_PASSWORD.matcher(output.getOut());
            assertThat(m.find() && !m.find()).as("password logged on the first start only").isTrue();
        }
    }

    private ConfigurableApplicationContext start(Path keystore) {
        return new SpringApplicationBuilder(CioApplication.class).properties(
                "server.port=0",
                "cio.embedded-postgres.data-directory=" + dir.resolve("pg"),
                "cio.secrets.key-file=" + dir.resolve("secrets.key"),
                "server.ssl.enabled=true",
                "server.ssl.key-store=file:" + keystore,
                "server.ssl.key-store-password=" + KEYSTORE_PASSWORD,
                "server.ssl.key-store-type=PKCS12",
                "server.ssl.key-alias=cio").run();
    }

    private static HttpResponse<String> get(HttpClient https, String port, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/admin/stations"));
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path keystore() throws Exception {
        Path keystore = dir.resolve("keystore.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cio", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD)
                .redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(log).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cio", ks.getCertificate("cio"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
