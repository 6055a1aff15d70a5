package org.chargeflex.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.gateway.app.ConfigException;
import org.chargeflex.gateway.app.ConfigReader;
import org.chargeflex.gateway.app.GatewayApp;
import org.chargeflex.gateway.core.CurtailmentTarget;

/**
 * The grid gateway application (iec61850-gateway/gateway-app) in this JVM, pointed at a {@link CioBackend} with a
 * CIO account of role DNO. It is configured the way an operator does it: a properties file, the password in a file
 * next to it, the CIO's trust store when it serves HTTPS; SCADA clients only from 127.0.0.1.
 */
public final class GridGateway implements AutoCloseable {
    /** The IEC 104 address block of the station under test: base address 1000. */
    public static final int BLOCK = 1;
    /** The IEC 104 address block of the grid connection point {@link GridRig#GCP_ID}: base address 2000. */
    public static final int GCP_BLOCK = 2;

    private final GatewayApp app;
    private final int mmsPort;
    private final int iec104Port;

    private GridGateway(GatewayApp app, int mmsPort, int iec104Port) {
        this.app = app;
        this.mmsPort = mmsPort;
        this.iec104Port = iec104Port;
    }

    /** Starts the gateway for the CIO with the given DNO account; the station gets IEC 104 block {@link #BLOCK}. */
    public static GridGateway start(Path work, CioBackend cio, String dnoUser, String dnoPassword, String stationId) {
        int mms = CioBackend.freePort();
        int iec104 = CioBackend.freePort();
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("cio.password"), dnoPassword + "\n");
            StringBuilder conf = new StringBuilder()
                    .append("cio.baseUrl=").append(cio.baseUrl()).append('\n')
                    .append("cio.allowPlainHttp=").append(cio.tls() == null).append('\n')
                    .append("cio.username=").append(dnoUser).append('\n')
                    .append("cio.passwordFile=cio.password\n")
                    .append("cio.timeoutMillis=5000\n")
                    .append("bindAddress=127.0.0.1\n")
                    .append("iec61850.port=").append(mms).append('\n')
                    .append("iec104.port=").append(iec104).append('\n')
                    .append("iec104.stationBlocks.").append(stationId).append('=').append(BLOCK).append('\n')
                    .append("iec104.gcpBlocks.").append(GridRig.GCP_ID).append('=').append(GCP_BLOCK).append('\n')
                    .append("scada.allowedClients=127.0.0.1\n")
                    .append("pollIntervalMillis=250\n")
                    .append("retryDelayMillis=200\n");
            if (cio.tls() != null) {
                conf.append("cio.truststore.path=").append(cio.tls().truststore()).append('\n')
                        .append("cio.truststore.password=").append(cio.tls().truststorePassword()).append('\n');
            }
            Path file = Files.writeString(work.resolve("gateway.properties"), conf.toString());
            return new GridGateway(GatewayApp.start(new ConfigReader(System::getenv).read(file)), mms, iec104);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException("gateway configuration refused: " + e.getMessage(), e);
        }
    }

    public GatewayApp app() {
        return app;
    }

    public int mmsPort() {
        return mmsPort;
    }

    public int iec104Port() {
        return iec104Port;
    }

    /** The IEC 61850 logical device of a station, e.g. {@code CFGWSST_GRID_1}. */
    public String logicalDevice(String stationId) {
        return app.mms().logicalDevice(stationId);
    }

    /** The IEC 61850 logical device of a grid connection point, e.g. {@code CFGWGGCP_GRID_1}. */
    public String gcpLogicalDevice(String gcpId) {
        return app.mms().logicalDevice(CurtailmentTarget.gridConnectionPoint(gcpId));
    }

    /** The IEC 104 address of the station's curtailment command (C_SC_NA_1; OFF lifts the curtailment). */
    public static int commandIoa() {
        return BLOCK * 1000 + 901;
    }

    /** The IEC 104 address of the grid connection point's power limit set-point (C_SE_NC_1). */
    public static int gcpSetPointIoa() {
        return GCP_BLOCK * 1000 + 900;
    }

    /** The IEC 104 address of the station's power limit set-point (C_SE_NC_1). */
    public static int setPointIoa() {
        return BLOCK * 1000 + 900;
    }

    /** The IEC 104 address of the station's total active power (M_ME_NC_1 / M_ME_TF_1). */
    public static int totalPowerIoa() {
        return BLOCK * 1000 + 1;
    }

    @Override
    public void close() {
        app.close();
    }
}
