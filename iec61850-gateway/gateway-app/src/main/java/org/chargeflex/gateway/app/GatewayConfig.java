package org.chargeflex.gateway.app;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The checked configuration of the gateway application (see {@link ConfigReader} for the keys and rules).
 *
 * @param cioPassword        the CIO account's password, read from a file or an environment variable
 * @param trustStore         a trust store for an https CIO, or null for the JDK's CAs
 * @param trustStorePassword its password (empty if none)
 * @param stationBlocks      IEC 104 address blocks per station id (others get the next free blocks)
 * @param gcpBlocks          IEC 104 address blocks per grid connection point id (others count down from 16000)
 */
public record GatewayConfig(URI cioBaseUrl, String cioUsername, char[] cioPassword, Path trustStore,
        char[] trustStorePassword, String trustStoreType, Duration cioTimeout, InetAddress bindAddress,
        int mmsPort, String iedName, int iec104Port, int commonAddress, Map<String, Integer> stationBlocks,
        Map<String, Integer> gcpBlocks,
        Set<InetAddress> allowedClients, Duration pollInterval, Duration retryDelay) {

    public GatewayConfig {
        stationBlocks = Map.copyOf(stationBlocks);
        gcpBlocks = Map.copyOf(gcpBlocks);
        allowedClients = Set.copyOf(allowedClients);
    }

    @Override
    public String toString() {
        return "GatewayConfig[cio=" + cioBaseUrl + " as " + cioUsername + ", trustStore=" + trustStore + ", bind="
                + bindAddress + ", mms=" + mmsPort + " (IED " + iedName + "), iec104=" + iec104Port + " (CA "
                + commonAddress + ", blocks " + stationBlocks + ", GCP blocks " + gcpBlocks + "), allowedClients=" + allowedClients + ", poll="
                + pollInterval + "]";
    }
}
