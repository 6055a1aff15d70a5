package org.chargeflex.cio.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplanThrottleTest {
    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void aTargetIsReplannedAtMostOncePerInterval() {
        ReplanThrottle throttle = new ReplanThrottle(Duration.ofSeconds(15), clock::get);
        assertThat(throttle.due("g:A")).isTrue();
        throttle.replanned("g:A");

        clock.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(throttle.due("g:A")).isFalse();
        assertThat(throttle.due("g:B")).as("another target").isTrue();

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(throttle.due("g:A")).isTrue();
    }

    @Test
    void zeroReplansEveryRound() {
        ReplanThrottle throttle = new ReplanThrottle(Duration.ZERO, clock::get);
        throttle.replanned("g:A");
        assertThat(throttle.due("g:A")).isTrue();
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new ReplanThrottle(Duration.ofSeconds(-1), clock::get))
                .hasMessageContaining("cio.replan.min-interval must be zero or positive");
    }
}
