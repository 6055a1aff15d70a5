package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code cio.replan.min-interval}: a target re-planned less than the interval ago is not re-planned again in a round;
 * it stays marked and waits ({@link ReplanThrottle}). The shared test context re-plans in every round (interval 0), so
 * this test builds a worker with an interval of an hour over the application's own parts.
 */
class ReplanMinIntervalTest extends IntegrationTest {
    @Autowired
    ReplanWorker sharedWorker;

    @Test
    void aTargetReplannedWithinTheIntervalWaitsAndStaysMarked() {
        sharedWorker.runOnce(); // the marks other tests left
        ReplanWorker worker = sharedWorker.withSettings(
                new ReplanProperties(true, Duration.ofHours(1), null, 1_000, 10, Duration.ofHours(1), 1), nanos -> { },
                System::nanoTime);
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 30_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        ReplanFixture.request(api, a, ca, "1", "s1", 30_000, 11_000, Duration.ofHours(3));

        ReplanWorker.Round first = worker.runOnce();
        assertThat(first.targets()).as("re-planned: %s", first).isEqualTo(1);
        assertThat(first.waitingTargets()).isZero();

        ReplanFixture.request(api, b, cb, "1", "s2", 30_000, 11_000, Duration.ofHours(3)); // marks the point again
        ReplanWorker.Round second = worker.runOnce();
        ReplanWorker.Round third = worker.runOnce();

        assertThat(second.targets()).as("nothing re-planned: %s", second).isZero();
        assertThat(second.waitingTargets()).isEqualTo(1);
        assertThat(second.replannedSessions()).isZero();
        assertThat(third.waitingTargets()).as("still marked: %s", third).isEqualTo(1);
        assertThat(sharedWorker.runOnce().targets()).as("a worker without the interval re-plans it").isEqualTo(1);
    }
}
