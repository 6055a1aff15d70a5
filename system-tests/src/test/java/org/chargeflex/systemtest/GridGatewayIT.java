package org.chargeflex.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.ClientAssociation;
import com.beanit.openiec61850.ClientEventListener;
import com.beanit.openiec61850.ClientSap;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.FcModelNode;
import com.beanit.openiec61850.Report;
import com.beanit.openiec61850.ServerModel;
import com.beanit.openiec61850.Urcb;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chargeflex.systemtest.harness.ChargingRig;
import org.chargeflex.systemtest.harness.CioAdmin;
import org.chargeflex.systemtest.harness.GridGateway;
import org.chargeflex.systemtest.harness.GridRig;
import org.chargeflex.systemtest.harness.ScadaIec104;
import org.chargeflex.systemtest.harness.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.ASduType;
import org.openmuc.j60870.CauseOfTransmission;

/**
 * Issue 7 end to end: a DNO's SCADA curtails a charging EV through the grid gateway ({@link GridRig}: the real CIO
 * (child process, HTTPS, embedded PostgreSQL) with its curtailment API, a real station firmware (child process) with
 * the M3B simulator and an EV drawing about 22 kW, and the gateway application in this JVM logged in to the CIO as a
 * DNO account). Checked at the simulated board's PWM current limit. Needs the CIO's grid package
 * ({@code /api/v1/admin/grid/curtailments}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridGatewayIT {
    static final String STATION_ID = GridRig.STATION_ID;
    static final Duration STEP = Duration.ofSeconds(30);
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static GridRig grid;
    static CioAdmin admin;
    static ChargingRig rig;
    static GridGateway gateway;

    @BeforeAll
    static void startEverything() throws Exception {
        grid = GridRig.start(Workspace.fresh("GridGatewayIT"));
        admin = grid.admin;
        rig = grid.rig;
        gateway = grid.gateway;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    @Order(1)
    void iec61850ClientBrowsesReadsGetsAReportAndCurtailsTheBoardWithChaPwrLim() throws Exception {
        BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
        ClientAssociation client = new ClientSap().associate(LOOPBACK, gateway.mmsPort(), null,
                new ClientEventListener() {
                    @Override
                    public void newReport(Report report) {
                        reports.add(report);
                    }

                    @Override
                    public void associationClosed(IOException e) {
                        // the test ends it
                    }
                });
        try {
            ServerModel model = client.retrieveModel();
            String ld = gateway.logicalDevice(STATION_ID);
            for (String ln : new String[] {"LLN0", "LPHD1", "MMXU1", "MMTR1", "DESE1", "DEAO1", "DEEV1"}) {
                assertThat(model.findModelNode(ld + "/" + ln, null)).as(ln).isNotNull();
            }
            String gcpLd = gateway.gcpLogicalDevice(GridRig.GCP_ID);
            FcModelNode gcpTotW = (FcModelNode) model.findModelNode(gcpLd + "/MMXU1.TotW", Fc.MX);
            client.getDataValues(gcpTotW);
            assertThat(((BdaFloat32) gcpTotW.getChild("mag").getChild("f")).getFloat())
                    .as("the grid connection point's logical device sums its station").isGreaterThan(15_000f);
            FcModelNode totW = (FcModelNode) model.findModelNode(ld + "/MMXU1.TotW", Fc.MX);
            client.getDataValues(totW);
            assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).isGreaterThan(15_000f);
            FcModelNode enAmnt = (FcModelNode) model.findModelNode(ld + "/DEEV1.EnAmnt", Fc.SP);
            client.getDataValues(enAmnt);
            assertThat(((BdaFloat32) enAmnt.getChild("setMag").getChild("f")).getFloat())
                    .as("the EV's energy request from the CIO's session").isEqualTo(40_000f);

            Urcb urcb = model.getUrcbs().stream()
                    .filter(u -> u.getReference().toString().startsWith(ld + "/LLN0.urcbMeas")).findFirst()
                    .orElseThrow();
            client.enableReporting(urcb);
            client.startGi(urcb);
            assertThat(reports.poll(30, TimeUnit.SECONDS)).as("a report of the data set Meas").isNotNull();

            FcModelNode lim = (FcModelNode) model.findModelNode(ld + "/DESE1.ChaPwrLim", Fc.SP);
            ((BdaFloat32) lim.getChild("setMag").getChild("f")).setFloat(11_040f); // 16 A at 230 V on 3 phases
            client.setDataValues(lim);

            rig.awaitLimit("ChaPwrLim 11040 W", 16, STEP);
            assertThat(rig.pwm.current()).isLessThanOrEqualTo(16.0);
            JsonNode curtailment = activeCurtailment();
            assertThat(curtailment.get("limitW").asDouble()).isEqualTo(11_040);
            assertThat(curtailment.get("requestedBy").asText()).isEqualTo(GridRig.DNO_USER);
            assertThat(curtailment.get("origin").asText()).contains("IEC 61850");
        } finally {
            client.close();
        }
    }

    @Test
    @Order(2)
    void iec104ClientInterrogatesSeesSpontaneousValuesAndCurtailsTheBoardWithASetPoint() throws Exception {
        try (ScadaIec104 scada = ScadaIec104.connect(gateway.iec104Port())) {
            List<ASdu> gi = scada.interrogate(STEP);
            assertThat(gi.get(0).getCauseOfTransmission()).isEqualTo(CauseOfTransmission.ACTIVATION_CON);
            assertThat(gi).anyMatch(a -> a.getTypeIdentification() == ASduType.M_ME_NC_1
                    && ScadaIec104.floatValue(a, GridGateway.totalPowerIoa()) != null);
            scada.until(a -> a.getTypeIdentification() == ASduType.M_ME_TF_1
                    && a.getCauseOfTransmission() == CauseOfTransmission.SPONTANEOUS, STEP);

            ASdu con = scada.setPoint(GridGateway.setPointIoa(), 6_900f, STEP); // 10 A
            assertThat(con.isNegativeConfirm()).isFalse();
            rig.awaitLimit("set-point 6900 W", 10, STEP);
            assertThat(activeCurtailment().get("origin").asText()).contains("IEC 104");

            int from = rig.sampleCount();
            ASdu refused = scada.setPoint(GridGateway.setPointIoa(), 30_000f, STEP); // above the 22 kW rating
            assertThat(refused.isNegativeConfirm()).isTrue();
            JsonNode log = CioAdmin.expect(200, admin.get("/api/v1/admin/grid/commands?limit=50"), "command log")
                    .json();
            assertThat(log.findValuesAsText("limitW")).doesNotContain("30000.0", "30000");
            assertThat(rig.levelsSince(from)).as("the refused set-point changes nothing at the board")
                    .containsOnly(10L);
        }
    }

    @Test
    @Order(3)
    void iec104LiftsTheStationThenCurtailsAndLiftsItsGridConnectionPointAtTheBoard() throws Exception {
        try (ScadaIec104 scada = ScadaIec104.connect(gateway.iec104Port())) {
            ASdu lift = scada.singleCommand(GridGateway.commandIoa(), false, STEP);
            assertThat(lift.isNegativeConfirm()).isFalse();
            rig.awaitLimit("station curtailment lifted (C_SC_NA_1 OFF)", GridRig.FULL_A, STEP);
            assertThat(activeCurtailments()).as("lifted at the CIO").isEmpty();

            ASdu con = scada.setPoint(GridGateway.gcpSetPointIoa(), 8_280f, STEP); // 12 A at 230 V on 3 phases
            assertThat(con.isNegativeConfirm()).isFalse();
            rig.awaitLimit("grid connection point set-point 8280 W", 12, STEP);
            JsonNode gcp = activeCurtailment(GridRig.GCP_ID);
            assertThat(gcp.get("scope").asText()).isEqualTo("GRID_CONNECTION_POINT");
            assertThat(gcp.get("limitW").asDouble()).isEqualTo(8_280);
            assertThat(gcp.get("origin").asText()).contains("IEC 104", "IOA " + GridGateway.gcpSetPointIoa());

            ASdu atRating = scada.setPoint(GridGateway.gcpSetPointIoa(), (float) GridRig.GCP_MAX_W, STEP);
            assertThat(atRating.isNegativeConfirm()).isFalse();
            rig.awaitLimit("grid connection point lifted (set-point at its rating)", GridRig.FULL_A, STEP);
            assertThat(activeCurtailments()).as("lifted at the CIO").isEmpty();
        }
    }

    private static JsonNode activeCurtailments() {
        return CioAdmin.expect(200, admin.get("/api/v1/admin/grid/curtailments"), "curtailments").json();
    }

    private static JsonNode activeCurtailment() {
        return activeCurtailment(STATION_ID);
    }

    private static JsonNode activeCurtailment(String target) {
        JsonNode list = activeCurtailments();
        for (JsonNode c : list) {
            if (target.equals(c.path("target").asText())) {
                return c;
            }
        }
        throw new AssertionError("no active curtailment of " + target + " in " + list);
    }

}
