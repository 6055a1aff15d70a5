package org.chargeflex.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.ClientAssociation;
import com.beanit.openiec61850.ClientEventListener;
import com.beanit.openiec61850.ClientSap;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.FcModelNode;
import com.beanit.openiec61850.Report;
import com.beanit.openiec61850.ServerModel;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway application against a stand-in of the CIO's admin and curtailment API (the contract in
 * docs/dno-integration.md), with a real IEC 61850 client.
 */
class GatewayAppTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String ST1 = """
            {"id":"ST-1","name":"Depot","gridConnectionPoint":"gcp-1","maxPowerW":22000,
             "outlets":[{"id":"1","maxPowerW":22000,"phases":3}]}""";
    static final String ST2 = """
            {"id":"ST-2","name":"Yard","gridConnectionPoint":"gcp-1","maxPowerW":11000,
             "outlets":[{"id":"1","maxPowerW":11000,"phases":3}]}""";

    final AtomicReference<String> registry = new AtomicReference<>("[" + ST1 + "]");
    final BlockingQueue<String> curtailments = new LinkedBlockingQueue<>();
    HttpServer cio;
    GatewayApp app;
    ClientAssociation client;

    @BeforeEach
    void start() throws Exception {
        cio = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        cio.createContext("/", this::answer);
        cio.start();
        GatewayConfig config = new GatewayConfig(URI.create("http://127.0.0.1:" + cio.getAddress().getPort()), "dno",
                "pw".toCharArray(), null, new char[0], "PKCS12", Duration.ofSeconds(2), LOOPBACK, freePort(),
                "CFGW", freePort(), 1, Map.of(), Map.of(), Set.of(LOOPBACK), Duration.ofHours(1), Duration.ofMillis(100));
        app = GatewayApp.start(config);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (app != null) {
            app.close();
        }
        cio.stop(0);
    }

    @Test
    void aChaPwrLimWriteBecomesACioCurtailmentWithItsOrigin() throws Exception {
        client = new ClientSap().associate(LOOPBACK, app.mms().port(), null, new Quiet());
        ServerModel model = client.retrieveModel();
        FcModelNode totW = (FcModelNode) model.findModelNode("CFGWSST_1/MMXU1.TotW", Fc.MX);
        client.getDataValues(totW);
        assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).isEqualTo(7000f);

        FcModelNode lim = (FcModelNode) model.findModelNode("CFGWSST_1/DESE1.ChaPwrLim", Fc.SP);
        ((BdaFloat32) lim.getChild("setMag").getChild("f")).setFloat(5000f);
        client.setDataValues(lim);

        String put = curtailments.poll(10, TimeUnit.SECONDS);
        assertThat(put).startsWith("/api/v1/admin/grid/curtailments/stations/ST-1 ")
                .contains("\"limitW\":5000.0").contains("\"emergency\":true").contains("IEC 61850");
    }

    @Test
    void aRegistryChangeRestartsTheIec61850ServerWithTheNewStation() throws Exception {
        assertThat(app.mms().logicalDevice("ST-2")).isNull();
        registry.set("[" + ST1 + "," + ST2 + "]");
        app.core().pollNow();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (true) {
                try {
                    client = new ClientSap().associate(LOOPBACK, app.mms().port(), null, new Quiet());
                    if (client.retrieveModel().findModelNode("CFGWSST_2/MMXU1.TotW", Fc.MX) != null) {
                        return;
                    }
                    client.close();
                } catch (IOException e) {
                    // the server is restarting
                }
                Thread.sleep(100);
            }
        });
        assertThat(app.mms().logicalDevice("ST-2")).isEqualTo("CFGWSST_2");
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer = null;
        if (x.getRequestMethod().equals("GET") && path.equals("/api/v1/admin/stations")) {
            answer = registry.get();
        } else if (x.getRequestMethod().equals("GET") && path.endsWith("/status")) {
            answer = """
                    {"plannedPowerW":7000,"online":true,"latestMeterValues":[{"outletId":"1","sessionId":"s1",
                     "measuredAt":"2026-11-25T10:00:00Z","energyWh":100,"powerW":7000}]}""";
        } else if (x.getRequestMethod().equals("GET") && path.equals("/api/v1/admin/sessions")) {
            answer = "[{\"sessionId\":\"s1\",\"outletId\":\"1\",\"state\":\"CHARGING\",\"energyDemandWh\":20000}]";
        } else if (x.getRequestMethod().equals("PUT") && path.startsWith("/api/v1/admin/grid/curtailments/")) {
            curtailments.add(path + " " + body);
            answer = "{\"emergencyDelivered\":true}";
        }
        int status = answer == null ? (path.contains("/channels/") ? 403 : 404) : 200;
        byte[] bytes = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static final class Quiet implements ClientEventListener {
        @Override
        public void newReport(Report report) {
        }

        @Override
        public void associationClosed(IOException e) {
        }
    }

}
