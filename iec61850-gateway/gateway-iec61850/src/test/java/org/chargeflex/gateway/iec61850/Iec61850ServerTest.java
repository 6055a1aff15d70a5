package org.chargeflex.gateway.iec61850;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beanit.openiec61850.BdaBoolean;
import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.BdaInt8;
import com.beanit.openiec61850.BdaQuality;
import com.beanit.openiec61850.BdaTimestamp;
import com.beanit.openiec61850.ClientAssociation;
import com.beanit.openiec61850.ClientEventListener;
import com.beanit.openiec61850.ClientSap;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.FcModelNode;

import com.beanit.openiec61850.Report;
import com.beanit.openiec61850.ServerModel;
import com.beanit.openiec61850.ServiceError;
import com.beanit.openiec61850.Urcb;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.TestStations;
import org.chargeflex.gateway.core.memory.InMemoryStationSource;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.memory.RecordingCurtailmentSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IEC 61850 server with the openiec61850 client over TCP, fed by an in-memory station source. */
class Iec61850ServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final InMemoryStationSource source = new InMemoryStationSource();
    private final RecordingCurtailmentSink sink = new RecordingCurtailmentSink();
    private final StationInfo st1 = TestStations.info("st-1", 2);
    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private GatewayCore core;
    private Iec61850Server server;
    private ClientAssociation client;
    private String ld;

    @BeforeEach
    void start() throws IOException {
        source.put(TestStations.charging(st1, 7000, 12_345, T0))
                .put(new GridConnectionPointInfo("gcp-st-1", "Feeder 1", 40_000));
        core = GatewayCore.builder().source(source).sink(sink).pollInterval(java.time.Duration.ofHours(1)).build()
                .start();
        server = Iec61850Server.builder().core(core).bindAddress(LOOPBACK).port(0).allowedClients(Set.of(LOOPBACK))
                .build().start();
        ld = server.logicalDevice("st-1");
        client = new ClientSap().associate(LOOPBACK, server.port(), null, listener());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
        core.close();
    }

    @Test
    void browsesTheGeneratedModelAndReadsValuesWithQualityAndTime() throws Exception {
        ServerModel model = client.retrieveModel();
        assertThat(ld).isEqualTo("CFGWSst_1");
        for (String ln : new String[] {"LLN0", "LPHD1", "MMXU1", "MMTR1", "DESE1", "DEAO1", "DEAO2", "DEEV1"}) {
            assertThat(model.findModelNode(ld + "/" + ln, null)).as(ln).isNotNull();
        }
        FcModelNode totW = (FcModelNode) model.findModelNode(ld + "/MMXU1.TotW", Fc.MX);
        client.getDataValues(totW);
        assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).isEqualTo(14_000f);
        assertThat(((BdaQuality) totW.getChild("q")).getValidity()).isEqualTo(BdaQuality.Validity.GOOD);
        assertThat(((BdaTimestamp) totW.getChild("t")).getDate().toInstant()).isEqualTo(T0);

        FcModelNode proxy = (FcModelNode) model.findModelNode(ld + "/LPHD1.Proxy", Fc.ST);
        client.getDataValues(proxy);
        assertThat(((BdaBoolean) proxy.getChild("stVal")).getValue()).isTrue();

        FcModelNode connSt = (FcModelNode) model.findModelNode(ld + "/DEAO1.ConnSt", Fc.ST);
        client.getDataValues(connSt);
        assertThat(((BdaInt8) connSt.getChild("stVal")).getValue()).isEqualTo((byte) 3); // C

        FcModelNode phv = (FcModelNode) model.findModelNode(ld + "/MMXU1.PhV.phsB", Fc.MX);
        client.getDataValues(phv);
        assertThat(((BdaFloat32) phv.getChild("cVal").getChild("mag").getChild("f")).getFloat()).isEqualTo(230f);

        FcModelNode soc = (FcModelNode) model.findModelNode(ld + "/DEEV1.Soc", Fc.MX);
        client.getDataValues(soc);
        assertThat(((BdaFloat32) soc.getChild("mag").getChild("f")).getFloat()).isEqualTo(42f);
    }

    @Test
    void staleSourceIsServedAsQuestionableOldData() throws Exception {
        ServerModel model = client.retrieveModel();
        source.setFailing(true);
        core.pollNow();
        FcModelNode totW = (FcModelNode) model.findModelNode(ld + "/MMXU1.TotW", Fc.MX);
        awaitValidity(totW, BdaQuality.Validity.QUESTIONABLE);
        assertThat(((BdaQuality) totW.getChild("q")).isOldData()).isTrue();
        assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).isEqualTo(14_000f);
    }

    @Test
    void unbufferedReportOnDataChange() throws Exception {
        ServerModel model = client.retrieveModel();
        Urcb urcb = model.getUrcbs().stream()
                .filter(u -> u.getReference().toString().startsWith(ld + "/LLN0.urcbMeas")).findFirst().orElseThrow();
        client.enableReporting(urcb);

        source.put(TestStations.charging(st1, 5000, 12_400, T0.plusSeconds(10)));
        core.pollNow();

        // a report sent for an earlier change (e.g. of another member of the data set) may still carry the old
        // 14 kW: wait for the one that carries the new value instead of taking the first report naming TotW
        FcModelNode totW = nextReportedValue(ld + "/MMXU1.TotW",
                v -> ((BdaFloat32) v.getChild("mag").getChild("f")).getFloat() == 10_000f);
        assertThat(((BdaTimestamp) totW.getChild("t")).getDate().toInstant()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void writingChaPwrLimCurtailsTheStation() throws Exception {
        ServerModel model = client.retrieveModel();
        FcModelNode lim = (FcModelNode) model.findModelNode(ld + "/DESE1.ChaPwrLim", Fc.SP);
        ((BdaFloat32) lim.getChild("setMag").getChild("f")).setFloat(9000f);
        client.setDataValues(lim);

        Curtailment first = sink.next(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        // 9 kW is below the measured 14 kW: an emergency (the CIO also writes it straight to the station)
        assertThat(first.emergency()).isTrue();
        assertThat(first.limitW()).isEqualTo(9000);
        assertThat(first.origin()).contains("IEC 61850").contains("127.0.0.1");
        assertThat(sink.next(100, TimeUnit.MILLISECONDS)).as("applied once").isNull();
        assertThat(core.curtailment("st-1").orElseThrow().limitW()).isEqualTo(9000);

        FcModelNode read = (FcModelNode) model.findModelNode(ld + "/DESE1.ChaPwrLim", Fc.SP);
        client.getDataValues(read);
        assertThat(((BdaFloat32) read.getChild("setMag").getChild("f")).getFloat()).isEqualTo(9000f);
    }

    @Test
    void aGridConnectionPointHasItsOwnLogicalDeviceWhoseChaPwrLimCurtailsItAndWhoseRatingLiftsIt() throws Exception {
        CurtailmentTarget gcp = CurtailmentTarget.gridConnectionPoint("gcp-st-1");
        String gld = server.logicalDevice(gcp);
        assertThat(gld).isEqualTo("CFGWGgcp_st_1");
        ServerModel model = client.retrieveModel();
        for (String ln : new String[] {"LLN0", "LPHD1", "MMXU1", "DESE1"}) {
            assertThat(model.findModelNode(gld + "/" + ln, null)).as(ln).isNotNull();
        }
        assertThat(model.findModelNode(gld + "/DEAO1", null)).isNull();
        FcModelNode totW = (FcModelNode) model.findModelNode(gld + "/MMXU1.TotW", Fc.MX);
        client.getDataValues(totW);
        assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).as("its station's 14 kW")
                .isEqualTo(14_000f);
        assertThat(((BdaQuality) totW.getChild("q")).getValidity()).isEqualTo(BdaQuality.Validity.GOOD);
        assertThat(((BdaTimestamp) totW.getChild("t")).getDate().toInstant()).isEqualTo(T0);
        assertThat(setMag(model, gld + "/DESE1.ChaPwrRtg")).isEqualTo(40_000f);
        assertThat(setMag(model, gld + "/DESE1.ChaPwrLim")).as("not curtailed: the rating").isEqualTo(40_000f);

        write(model, gld + "/DESE1.ChaPwrLim", 10_000f);
        Curtailment c = sink.next(10, TimeUnit.SECONDS);
        assertThat(c.target()).isEqualTo(gcp);
        assertThat(c.limitW()).isEqualTo(10_000);
        assertThat(c.emergency()).as("below the 14 kW drawn").isTrue();
        assertThat(setMag(model, gld + "/DESE1.ChaPwrLim")).isEqualTo(10_000f);
        assertThat(core.curtailment("st-1")).as("the station keeps its own limit").isEmpty();

        assertThatThrownBy(() -> write(model, gld + "/DESE1.ChaPwrLim", 40_001f)).isInstanceOf(ServiceError.class)
                .hasMessageContaining("object-value-invalid");

        write(model, gld + "/DESE1.ChaPwrLim", 40_000f);
        assertThat(sink.nextLift(10, TimeUnit.SECONDS)).isEqualTo(gcp);
        assertThat(core.curtailment(gcp)).isEmpty();
        assertThat(setMag(model, gld + "/DESE1.ChaPwrLim")).isEqualTo(40_000f);
        assertThat(sink.drain()).as("a lift, no curtailment at the rating").isEmpty();
    }

    @Test
    void aCurtailmentTheCioRefusesIsRolledBackToTheLastAcceptedLimit() throws Exception {
        ServerModel model = client.retrieveModel();
        write(model, ld + "/DESE1.ChaPwrLim", 12_000f);
        assertThat(sink.next(10, TimeUnit.SECONDS).limitW()).isEqualTo(12_000);
        sink.setRefusing(true);
        write(model, ld + "/DESE1.ChaPwrLim", 9000f);
        assertThat(sink.nextRefused(10, TimeUnit.SECONDS).limitW()).isEqualTo(9000);
        float served = 9000f;
        for (int i = 0; i < 100 && served != 12_000f; i++) {
            Thread.sleep(20); // the rollback follows the refusal on the dispatcher and updater threads
            served = setMag(model, ld + "/DESE1.ChaPwrLim");
        }
        assertThat(served).as("the last limit the CIO accepted").isEqualTo(12_000f);
        assertThat(core.curtailment("st-1").orElseThrow().limitW()).isEqualTo(12_000);
    }

    private void write(ServerModel model, String ref, float value) throws Exception {
        FcModelNode node = (FcModelNode) model.findModelNode(ref, Fc.SP);
        ((BdaFloat32) node.getChild("setMag").getChild("f")).setFloat(value);
        client.setDataValues(node);
    }

    private float setMag(ServerModel model, String ref) throws Exception {
        FcModelNode node = (FcModelNode) model.findModelNode(ref, Fc.SP);
        client.getDataValues(node);
        return ((BdaFloat32) node.getChild("setMag").getChild("f")).getFloat();
    }

    @Test
    void outOfRangeAndReadOnlyWritesAreRefusedWithTheMmsError() throws Exception {
        ServerModel model = client.retrieveModel();
        FcModelNode lim = (FcModelNode) model.findModelNode(ld + "/DESE1.ChaPwrLim", Fc.SP);
        ((BdaFloat32) lim.getChild("setMag").getChild("f")).setFloat(22_001f);
        assertThatThrownBy(() -> client.setDataValues(lim)).isInstanceOf(ServiceError.class)
                .satisfies(e -> assertThat(((ServiceError) e).getErrorCode())
                        .isEqualTo(ServiceError.PARAMETER_VALUE_INCONSISTENT))
                .hasMessageContaining("object-value-invalid");
        ((BdaFloat32) lim.getChild("setMag").getChild("f")).setFloat(-1f);
        assertThatThrownBy(() -> client.setDataValues(lim)).isInstanceOf(ServiceError.class)
                .hasMessageContaining("object-value-invalid");

        FcModelNode rating = (FcModelNode) model.findModelNode(ld + "/DESE1.ChaPwrRtg", Fc.SP);
        ((BdaFloat32) rating.getChild("setMag").getChild("f")).setFloat(1f);
        assertThatThrownBy(() -> client.setDataValues(rating)).isInstanceOf(ServiceError.class)
                .satisfies(e -> assertThat(((ServiceError) e).getErrorCode()).isEqualTo(ServiceError.ACCESS_VIOLATION))
                .hasMessageContaining("object-access-denied");

        FcModelNode totW = (FcModelNode) model.findModelNode(ld + "/MMXU1.TotW", Fc.MX);
        assertThatThrownBy(() -> client.setDataValues(totW)).isInstanceOf(ServiceError.class)
                .hasMessageContaining("object-access-denied");

        assertThat(sink.next(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(core.curtailment("st-1")).isEmpty();
    }

    @Test
    void registryChangeRestartsTheServerWithANewModel() throws Exception {
        source.put(TestStations.charging(TestStations.info("st-2", 1), 3000, 1, T0));
        core.pollNow();
        client.close();
        ServerModel model = null;
        for (int attempt = 0; attempt < 50 && model == null; attempt++) {
            try {
                client = new ClientSap().associate(LOOPBACK, server.port(), null, listener());
                model = client.retrieveModel();
                if (model.findModelNode("CFGWSst_2/DEAO1", null) == null) {
                    client.close();
                    model = null;
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        assertThat(model).isNotNull();
        assertThat(model.findModelNode("CFGWSst_1/DEAO2", null)).isNotNull();
    }

    @Test
    void refusesClientsThatAreNotConfigured() throws Exception {
        try (Iec61850Server other = Iec61850Server.builder().core(core).bindAddress(LOOPBACK).port(0)
                .allowedClients(Set.of(InetAddress.getByName("192.0.2.1"))).build().start()) {
            assertThatThrownBy(() -> new ClientSap().associate(LOOPBACK, other.port(), null, listener()))
                    .isInstanceOf(IOException.class);
        }
    }

    private ClientEventListener listener() {
        return new ClientEventListener() {
            @Override
            public void newReport(Report report) {
                reports.add(report);
            }

            @Override
            public void associationClosed(IOException e) {
                // the tests close associations themselves
            }
        };
    }

    private FcModelNode nextReportedValue(String ref, java.util.function.Predicate<FcModelNode> wanted)
            throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Report r = reports.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("a report").isNotNull();
            java.util.Optional<FcModelNode> value = r.getValues().stream()
                    .filter(v -> v.getReference().toString().equals(ref) && wanted.test(v)).findFirst();
            if (value.isPresent()) {
                return value.get();
            }
        }
        throw new AssertionError("no report with the expected value of " + ref);
    }


    private void awaitValidity(FcModelNode node, BdaQuality.Validity expected) throws Exception {
        for (int i = 0; i < 100; i++) {
            client.getDataValues(node);
            if (((BdaQuality) node.getChild("q")).getValidity() == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(((BdaQuality) node.getChild("q")).getValidity()).isEqualTo(expected);
    }

}
