package org.chargeflex.gateway.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.cio.ChannelMap;
import org.chargeflex.gateway.core.cio.CioClient;
import org.chargeflex.gateway.core.cio.CioCurtailmentSink;
import org.chargeflex.gateway.core.cio.CioStationSource;
import org.chargeflex.gateway.iec104.Iec104Server;
import org.chargeflex.gateway.iec61850.Iec61850Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the core over the CIO ({@link CioStationSource}, {@link CioCurtailmentSink}) and both protocol
 * servers. The IEC 61850 server restarts itself with a new model when the CIO's registry changes; the IEC 104
 * server's address map follows the registry. {@link #close()} stops the servers first, then the core.
 */
public final class GatewayApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);

    private final GatewayCore core;
    private final Iec61850Server mms;
    private final Iec104Server iec104;

    private GatewayApp(GatewayCore core, Iec61850Server mms, Iec104Server iec104) {
        this.core = core;
        this.mms = mms;
        this.iec104 = iec104;
    }

    /**
     * Starts everything: reads the registry once (a CIO that cannot be reached yet is logged; the gateway keeps
     * polling), then binds both servers.
     *
     * @throws IOException if a port cannot be bound or the trust store cannot be read; nothing keeps running then
     */
    public static GatewayApp start(GatewayConfig c) throws IOException {
        CioClient.Builder cb = CioClient.builder().baseUri(c.cioBaseUrl()).credentials(c.cioUsername(),
                c.cioPassword()).timeout(c.cioTimeout());
        if (c.trustStore() != null) {
            cb.sslContext(sslContext(c));
        }
        CioClient cio = cb.build();
        GatewayCore core = GatewayCore.builder()
                .source(new CioStationSource(cio, ChannelMap.defaults(), Clock.systemUTC()))
                .sink(new CioCurtailmentSink(cio)).pollInterval(c.pollInterval()).retryDelay(c.retryDelay())
                .build().start();
        Iec61850Server mms = null;
        try {
            mms = Iec61850Server.builder().core(core).iedName(c.iedName()).bindAddress(c.bindAddress())
                    .port(c.mmsPort()).allowedClients(c.allowedClients()).build().start();
            Iec104Server.Builder b = Iec104Server.builder().core(core).bindAddress(c.bindAddress())
                    .port(c.iec104Port()).commonAddress(c.commonAddress()).allowedClients(c.allowedClients());
            c.stationBlocks().forEach(b::stationBlock);
            c.gcpBlocks().forEach(b::gridConnectionPointBlock);
            Iec104Server iec104 = b.build().start();
            LOG.info("Grid gateway running: {} stations, IEC 61850 on port {}, IEC 104 on port {}, CIO {}",
                    core.stations().size(), mms.port(), c.iec104Port(), c.cioBaseUrl());
            return new GatewayApp(core, mms, iec104);
        } catch (IOException | RuntimeException e) {
            if (mms != null) {
                mms.close();
            }
            core.close();
            throw e;
        }
    }

    public GatewayCore core() {
        return core;
    }

    public Iec61850Server mms() {
        return mms;
    }

    public Iec104Server iec104() {
        return iec104;
    }

    private static SSLContext sslContext(GatewayConfig c) throws IOException {
        try (InputStream in = Files.newInputStream(c.trustStore())) {
            KeyStore ks = KeyStore.getInstance(c.trustStoreType());
            ks.load(in, c.trustStorePassword().length == 0 ? null : c.trustStorePassword());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("trust store " + c.trustStore() + " (" + c.trustStoreType() + ") is unusable: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        LOG.info("Grid gateway stopping");
        iec104.close();
        mms.close();
        core.close();
        LOG.info("Grid gateway stopped");
    }
}
