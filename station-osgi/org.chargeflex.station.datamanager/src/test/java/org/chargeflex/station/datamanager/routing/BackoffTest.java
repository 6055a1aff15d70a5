package org.chargeflex.station.datamanager.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromMinToMax() {
        Backoff b = new Backoff(() -> 0.0);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(b.next(1000, 60000));
        }
        assertThat(delays).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L);
        b.reset();
        assertThat(b.next(1000, 60000)).isEqualTo(1000L);
    }

    @Test
    void jitterStretchesButDelaysStillGrowAndStayWithinBounds() {
        Random random = new Random(42);
        for (int run = 0; run < 100; run++) {
            Backoff b = new Backoff(random::nextDouble);
            long previous = 0;
            for (int i = 0; i < 6; i++) {
                long d = b.next(1000, 60000);
                assertThat(d).isBetween(1000L, 60000L);
                if (d < 60000) {
                    assertThat(d).isGreaterThan(previous);
                }
                previous = d;
            }
        }
    }
}
