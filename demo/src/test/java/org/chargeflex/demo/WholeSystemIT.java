package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.BdaQuality;
import com.beanit.openiec61850.ClientAssociation;
import com.beanit.openiec61850.ClientEventListener;
import com.beanit.openiec61850.ClientSap;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.FcModelNode;
import com.beanit.openiec61850.Report;
import com.beanit.openiec61850.ServerModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.chargeflex.systemtest.harness.Await;
import org.junit.jupiter.api.Test;

/**
 * The whole system as {@code Main} runs it: the CIO backend jar (embedded PostgreSQL), three station firmware
 * processes on simulated boards playing the short fleet scenario (18 EV visits) under a shared grid limit that the
 * uncontrolled fleet would exceed, and the grid gateway. Checks the summary against the CIO's data and the boards'
 * meters, and that the gateway serves every station to an IEC 61850 client (its measured power, good quality).
 */
class WholeSystemIT {

    @Test
    void threeStationsDeliverAllFeasibleEnergyUnderTheGridLimitWithoutLosingMeterRecords() throws Exception {
        FleetPlan plan = FleetPlan.load("short-3-outlets", 3);
        // the limit: what the flat plans need together (+5 %), below the uncontrolled peak
        double limitKw = Math.ceil(plan.flatPeakW(DemoStation.MARGIN) * 1.05 / 1000);
        assertThat(limitKw * 1000).as("the grid limit must bind the uncontrolled fleet").isLessThan(plan.uncontrolledPeakW());
        DemoOptions options = new DemoOptions(3, "short-3-outlets", DemoOptions.Objective.PEAK, 360, 0, limitKw, true, false);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Summary summary;
        try (DemoSystem system = new DemoSystem(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            system.start();
            assertThat(system.loginBanner()).contains("/dashboard").contains("user 'operator'");
            summary = system.run(5);
            GatewayProcess gateway = system.gateway().orElseThrow(() -> new AssertionError(
                    "the gateway did not start (is iec61850-gateway/gateway-app installed?)\n" + console));
            assertThat(gateway.running()).as("gateway process").isTrue();
            assertGatewayServesEveryStation(gateway.mmsPort(), system);
        }
        String report = console.toString(StandardCharsets.UTF_8) + summary.format();
        Files.writeString(Path.of(System.getProperty("work.dir", "target/demo-it"), "summary.txt"), report);

        assertThat(summary.sessions()).as(report).hasSize(plan.visits().size());
        assertThat(summary.sessions()).as(report)
                .allSatisfy(s -> assertThat(s.feasibleDelivered(DemoSystem.ENERGY_TOLERANCE))
                        .as("%s got %.0f Wh of %.0f Wh feasible", s.visit().label(), s.deliveredWh(), s.feasibleWh())
                        .isTrue());
        // some EVs are too slow for their stay: their shortfall is what their windows and maximum powers made infeasible
        assertThat(summary.infeasibleWh()).as(report).isPositive();
        assertThat(summary.deliveredTowardsDemandWh()).as(report)
                .isGreaterThanOrEqualTo(summary.gridFeasibleWh() * (1 - DemoSystem.ENERGY_TOLERANCE));

        assertThat(summary.measuredPeakW()).as(report).isPositive()
                .isLessThanOrEqualTo(summary.gridLimitW() + summary.toleranceW());
        assertThat(summary.intervalsOverLimit()).as(report).isZero();
        assertThat(summary.measuredPeakW()).as(report).isLessThan(summary.uncontrolledPeakW());

        assertThat(summary.meters()).as(report).hasSize(3).allSatisfy(m -> {
            assertThat(m.lastSeq()).as(m.stationId() + " wrote meter records").isPositive();
            assertThat(m.deliveredSeq()).as(m.stationId() + " delivered all").isEqualTo(m.lastSeq());
            assertThat(m.dropped()).as(m.stationId() + " dropped").isZero();
            assertThat(m.missing()).as(m.stationId() + " records missing at the CIO").isEmpty();
            assertThat(m.stored()).as(m.stationId() + " stored").isEqualTo(m.lastSeq() + 1);
        });
        assertThat(summary.recordsLost()).isZero();
    }

    /** Each station's logical device answers MMXU1.TotW with a value of good quality (its meter data at the CIO). */
    private static void assertGatewayServesEveryStation(int mmsPort, DemoSystem system) throws IOException {
        ClientAssociation client = Await.value("the gateway's IEC 61850 server accepts an association",
                Duration.ofSeconds(60), () -> associate(mmsPort), c -> c != null);
        try {
            ServerModel model = client.retrieveModel();
            for (DemoStation s : system.stations()) {
                String ld = GatewayProcess.IED + "S" + s.id().replaceAll("[^A-Za-z0-9_]", "_");
                FcModelNode totW = (FcModelNode) model.findModelNode(ld + "/MMXU1.TotW", Fc.MX);
                assertThat(totW).as("%s/MMXU1.TotW in the gateway's model", ld).isNotNull();
                client.getDataValues(totW);
                assertThat(((BdaQuality) totW.getChild("q")).getValidity()).as("%s TotW quality", ld)
                        .isEqualTo(BdaQuality.Validity.GOOD);
                assertThat(((BdaFloat32) totW.getChild("mag").getChild("f")).getFloat()).as("%s TotW", ld)
                        .isGreaterThanOrEqualTo(0f);
            }
        } catch (com.beanit.openiec61850.ServiceError e) {
            throw new AssertionError("IEC 61850 service error: " + e.getMessage(), e);
        } finally {
            client.close();
        }
    }

    private static ClientAssociation associate(int port) {
        try {
            return new ClientSap().associate(InetAddress.getLoopbackAddress(), port, null, new ClientEventListener() {
                @Override
                public void newReport(Report report) {
                }

                @Override
                public void associationClosed(IOException e) {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
