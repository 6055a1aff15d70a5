package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final Duration TICK = Duration.ofMillis(10);

    @Autowired
    ReplanWorker sharedWorker;

    @Test
    void aRoundPausesBetweenItsTargetsForTheirWorkTimesTheDutyCyclesRest() {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        ReplanWorker quarter = worker(0.25, Duration.ofHours(1), pauses::add);
        markTwoTargets();

        ReplanWorker.Round round = quarter.runOnce();

        assertThat(round.targets()).as("both re-planned: %s", round).isEqualTo(2);
        assertThat(pauses).as("one pause, between the two targets: three times the first one's %s", TICK)
                .containsExactly(3 * TICK.toNanos());
    }

    @Test
    void aPauseIsAtMostOneDebouncePeriod() {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        ReplanWorker slow = worker(0.001, Duration.ofSeconds(2), pauses::add);
        markTwoTargets();

        assertThat(slow.runOnce().targets()).isEqualTo(2);
        assertThat(pauses).as("999 times the work, capped").containsExactly(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void aDutyCycleOfOneNeverPauses() {
        List<Long> pauses = new CopyOnWriteArrayList<>();
        ReplanWorker full = worker(1, Duration.ofHours(1), pauses::add);
        markTwoTargets();

        assertThat(full.runOnce().targets()).isEqualTo(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptedPauseLeavesTheRoundsOtherTargetsMarked() {
        ReplanWorker stopping = worker(0.5, Duration.ofHours(1), nanos -> {
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
        assertThat(worker(1, Duration.ofHours(1), nanos -> { }).runOnce().targets()).as("re-planned in the next round").isEqualTo(1);
    }

    @Test
    void aDutyCycleOutsideAboveZeroToOneIsRefusedAtStartUp() {
        for (double wrong : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new ReplanProperties(true, Duration.ofSeconds(2), null, 1_000, 10, Duration.ZERO,
                    wrong)).as("duty cycle %s", wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cio.replan.duty-cycle");
        }
    }

    /** A worker whose clock moves by {@link #TICK} at every reading: each target's re-plan takes one tick. */
    private ReplanWorker worker(double dutyCycle, Duration debounce, ReplanWorker.Pause pause) {
        AtomicLong clock = new AtomicLong();
        return sharedWorker.withSettings(
                new ReplanProperties(true, debounce, null, 1_000, 10, Duration.ZERO, dutyCycle), pause,
                () -> clock.addAndGet(TICK.toNanos()));
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
