package org.chargeflex.station.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid limit component: checks what is written, keeps it across a restart. */
class GridLimitImplTest {
    @TempDir
    Path dir;

    GridLimitImpl started() {
        GridLimitImpl g = new GridLimitImpl();
        g.activate(dir, 100_000);
        return g;
    }

    @Test
    void aLimitIsKeptAcrossARestart() {
        GridLimitImpl g = started();
        assertThat(g.limitW()).isEqualTo(-1);
        assertThat(g.set(Value.of(7_500.0))).isEqualTo(Flag.VALID);
        assertThat(g.limitW()).isEqualTo(7_500);
        assertThat(started().limitW()).as("after a restart").isEqualTo(7_500);
    }

    @Test
    void aNegativeValueLiftsTheLimitAlsoAfterARestart() {
        GridLimitImpl g = started();
        g.set(Value.of(7_500L));
        assertThat(g.set(Value.of(-1.0))).isEqualTo(Flag.VALID);
        assertThat(g.limitW()).isEqualTo(-1);
        assertThat(started().limitW()).isEqualTo(-1);
    }

    @Test
    void aValueThatIsNoPlausibleNumberIsRefusedAndChangesNothing() {
        GridLimitImpl g = started();
        g.set(Value.of(7_500.0));
        for (Value bad : new Value[] {Value.of("NaN"), Value.of("seven"), Value.of(true), Value.of(1e9), null}) {
            assertThat(g.set(bad)).as(String.valueOf(bad)).isEqualTo(Flag.INVALID_VALUE);
        }
        assertThat(g.limitW()).isEqualTo(7_500);
        assertThat(started().limitW()).isEqualTo(7_500);
    }

    @Test
    void aNumberWrittenAsTextIsAccepted() {
        assertThat(started().set(Value.of("4200"))).isEqualTo(Flag.VALID);
        assertThat(started().limitW()).isEqualTo(4_200);
    }

    @Test
    void anUnreadableStoredLimitStartsWithoutALimit() throws Exception {
        Files.writeString(dir.resolve("grid-limit.properties"), "limitW=lots\n");
        assertThat(started().limitW()).isEqualTo(-1);
    }

    @Test
    void theOutletsShareTheLimit() {
        GridLimitImpl g = started();
        g.set(Value.of(5_000.0));
        assertThat(g.share("1", 11_040, 4_140)).isEqualTo(5_000);
        assertThat(g.share("2", 11_040, 4_140)).isZero();
        g.release("1");
        assertThat(g.share("2", 11_040, 4_140)).isEqualTo(5_000);
    }
}
