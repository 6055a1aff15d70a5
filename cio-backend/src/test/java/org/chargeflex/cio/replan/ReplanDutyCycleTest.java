package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code cio.replan.duty-cycle}: the background re-planner pauses between the targets of a round, so a round of many
 * due targets does not hold the targets' planning locks back to back while charging requests wait for them (such
 * bursts raised the request path's open-loop p99 under load: bench/RESULTS.md, issue 5, session 10). Two grid connection
 * points with a session each are re-planned in one round by workers over the application's own parts, their pauses
 * recorded instead of slept.
 */
class ReplanDutyCycleTest extends IntegrationTest {
    @Autowired
    ReplanWorker sharedWorker;

    @Test
    void aRoundPausesBetweenItsTargetsForTheirWorkTimesTheDutyCyclesRest() {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        ReplanWorker half = worker(0.5, pauses::add);
        markTwoTargets();

        ReplanWorker.Round round = half.runOnce();

        assertThat(round.targets()).as("both re-planned: %s", round).isEqualTo(2);
        assertThat(pauses).as("one pause, between the two targets").hasSize(1);
        assertThat(pauses.get(0)).as("as long as the first target's re-plan took (duty cycle 0.5)").isPositive();
    }

    @Test
    void aDutyCycleOfOneNeverPauses() {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        ReplanWorker full = worker(1, pauses::add);
        markTwoTargets();

        assertThat(full.runOnce().targets()).isEqualTo(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptedPauseLeavesTheRoundsOtherTargetsMarked() {
        ReplanWorker stopping = worker(0.5, nanos -> {
            throw new InterruptedException("stopping");
        });
        markTwoTargets();

        ReplanWorker.Round round;
        try {
            round = stopping.runOnce();
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        assertThat(round.targets()).as("the first re-planned: %s", round).isEqualTo(1);
        assertThat(round.waitingTargets()).as("the second still marked").isEqualTo(1);
        assertThat(worker(1, nanos -> { }).runOnce().targets()).as("re-planned in the next round").isEqualTo(1);
    }

    @Test
    void aDutyCycleOutsideAboveZeroToOneIsRefusedAtStartUp() {
        for (double wrong : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new ReplanProperties(true, Duration.ofSeconds(2), null, 1_000, 10, Duration.ZERO,
                    wrong)).as("duty cycle %s", wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cio.replan.duty-cycle");
        }
    }

    private ReplanWorker worker(double dutyCycle, ReplanWorker.Pause pause) {
        return sharedWorker.withSettings(
                new ReplanProperties(true, Duration.ofHours(1), null, 1_000, 10, Duration.ZERO, dutyCycle), pause);
    }

    /** Two grid connection points with an ongoing session each, marked dirty by their requests. */
    private void markTwoTargets() {
        sharedWorker.runOnce(); // the marks other tests left
        for (int i = 0; i < 2; i++) {
            String gcp = unique("GCP");
            registerGridConnectionPoint(gcp, 30_000);
            String id = unique("ST");
            Credentials station = registerStation(id, 22_000, gcp);
            ReplanFixture.request(api, id, station, "1", "s1", 30_000, 11_000, Duration.ofHours(3));
        }
    }
}
