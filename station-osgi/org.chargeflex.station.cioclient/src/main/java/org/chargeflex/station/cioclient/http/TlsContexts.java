package org.chargeflex.station.cioclient.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS set-up of the client. The server certificate is always verified (and the host name checked by the HTTPS
 * connection); a self-signed CIO certificate is accepted only by putting it into the configured trust store.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * An SSL context that trusts exactly the certificates of the trust store, or the JDK's default trust anchors when
     * {@code truststore} is null.
     */
    public static SSLContext create(Path truststore, char[] password, String type)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (truststore == null) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore ks = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(truststore)) {
                ks.load(in, password);
            }
            if (ks.size() == 0) {
                throw new GeneralSecurityException("trust store " + truststore + " holds no certificate");
            }
            tmf.init(ks);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
