package org.chargeflex.cio.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Outlet;
import org.chargeflex.cio.station.Station;
import org.junit.jupiter.api.Test;

/**
 * Guards that the batch's own sessions count for the minimum-session-power rule of a curtailed limit from the batch's
 * first plan on, although the limits are read before the batch's requests are stored ({@link BatchLimits#requested}):
 * the figures must be those of the read after storing the requests, as before.
 */
class BatchLimitsTest {
    private static final double MINIMUM_SESSION_POWER_W = 4_000;
    private static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");

    /** The grid package's rule: at least the minimum session power per ongoing session, at most the maximum. */
    private static final GridLimits RULE = new GridLimits() {
        @Override
        public double stationLimitW(Station station) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double gridConnectionPointLimitW(GridConnectionPoint point) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double curtailedLimitW(double registeredMaxW, double curtailmentW, int ongoingSessions) {
            return Math.min(registeredMaxW, Math.max(curtailmentW, ongoingSessions * MINIMUM_SESSION_POWER_W));
        }
    };

    @Test
    void newSessionsOfTheBatchCountAsOngoingBeforeTheFirstIsPlanned() {
        BatchLimits limits = limits(List.of());
        limits.requested("st", "a");
        limits.requested("st", "b");

        PlanningInput first = limits.input(job("a"), NOW);

        assertThat(first.gridHeadroomW()).as("curtailed to 1 kW, two ongoing sessions").isEqualTo(8_000);
        assertThat(limits.nextVersion("st", "a")).isEqualTo(1);
        assertThat(limits.nextVersion("st", "b")).isEqualTo(1);
    }

    @Test
    void aSessionOpenedByAStartRecordCountsAsOngoingOnceRequestedAndKeepsItsPlan() {
        Instant valid = NOW.plus(Duration.ofHours(1));
        BatchLimits limits = limits(List.of(new BatchLimits.OpenSession("st", "started", 3, 2_000, valid, false),
                new BatchLimits.OpenSession("st", "other", 1, 1_000, valid, true)));
        assertThat(limits.input(job("x"), NOW).gridHeadroomW()).as("one ongoing, both plans count")
                .isEqualTo(4_000 - 3_000);

        limits.requested("st", "started");

        assertThat(limits.input(job("started"), NOW).gridHeadroomW()).as("two ongoing, the other's plan counts")
                .isEqualTo(8_000 - 1_000);
        assertThat(limits.nextVersion("st", "started")).isEqualTo(4);
    }

    private static BatchLimits limits(List<BatchLimits.OpenSession> sessions) {
        return new BatchLimits(List.of(new BatchLimits.StationLimit("st", "g", 22_000, null)),
                List.of(new BatchLimits.GridLimit("g", 50_000, 1_000.0)), sessions, RULE, NOW);
    }

    private static PlanningJob job(String sessionId) {
        ChargingRequest request = new ChargingRequest("st", "1", sessionId,
                new UserIdentification(UserIdentification.Type.RFID, "04A1B2C3"),
                new EvParameters(10_000, 11_000.0, null, null, null, 3, NOW.plus(Duration.ofHours(4))), null);
        return new PlanningJob(request, new PlanningTargets.Target("st", "g", new Outlet("1", 11_000, 3)), 11_000, 0,
                Optional.empty());
    }
}
