package org.chargeflex.station.charging.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sharing the station's grid limit among outlets that tick at different moments. */
class GridSharesTest {
    static final double MIN_3P = 6 * 3 * 230; // 4140 W: 6 A on three phases at 230 V

    final GridShares shares = new GridShares();

    @Test
    void withoutALimitEveryOutletGetsWhatItWants() {
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(22_080);
        assertThat(shares.share("2", 11_040, MIN_3P)).isEqualTo(11_040);
        assertThat(shares.limitW()).isEqualTo(-1);
    }

    @Test
    void aSingleOutletIsCutToTheLimitAtItsNextTick() {
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(22_080);
        shares.setLimit(6_900);
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(6_900);
        assertThat(shares.share("1", 3_000, 0)).as("wanting less than the limit").isEqualTo(3_000);
    }

    @Test
    void aShareBelowTheOutletsMinimumIsZero() {
        shares.setLimit(4_000);
        assertThat(shares.share("1", 22_080, MIN_3P)).isZero();
        assertThat(shares.heldW()).isZero();
    }

    @Test
    void twoOutletsConvergeToAnEvenSplitWithoutExceedingTheLimit() {
        shares.share("1", 22_080, MIN_3P);
        shares.setLimit(10_000);
        assertThat(shares.share("2", 22_080, MIN_3P)).as("outlet 1 still holds everything").isZero();
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(5_000);
        assertThat(shares.share("2", 22_080, MIN_3P)).isEqualTo(5_000);
        assertThat(shares.heldW()).isEqualTo(10_000);
    }

    @Test
    void anOutletWantingLessLeavesTheRestToTheOthers() {
        shares.setLimit(11_000);
        assertThat(shares.share("1", MIN_3P, MIN_3P)).isEqualTo(MIN_3P);
        assertThat(shares.share("2", 22_080, MIN_3P)).isEqualTo(11_000 - MIN_3P);
    }

    @Test
    void aReleasedOutletsShareGoesToTheOthers() {
        shares.setLimit(10_000);
        shares.share("1", 22_080, MIN_3P);
        shares.share("2", 22_080, MIN_3P);
        shares.share("1", 22_080, MIN_3P);
        shares.release("2");
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(10_000);
    }

    @Test
    void liftingTheLimitGivesEveryOutletItsWantAgain() {
        shares.setLimit(5_000);
        shares.share("1", 22_080, MIN_3P);
        shares.setLimit(-1);
        assertThat(shares.share("1", 22_080, MIN_3P)).isEqualTo(22_080);
    }

    @Test
    void underAnyInterleavingTheSharesNeverExceedTheLimit() {
        Random random = new Random(7);
        List<String> outlets = List.of("1", "2", "3", "4");
        for (int round = 0; round < 200; round++) {
            GridShares s = new GridShares();
            double limit = random.nextInt(40_000);
            s.setLimit(limit);
            for (int step = 0; step < 100; step++) {
                String o = outlets.get(random.nextInt(outlets.size()));
                double want = random.nextBoolean() ? 0 : MIN_3P + random.nextInt(18_000);
                double got = s.share(o, want, MIN_3P);
                assertThat(got).isBetween(0.0, want);
                assertThat(s.heldW()).as("round %d step %d", round, step).isLessThanOrEqualTo(limit + 1e-6);
            }
        }
    }

    @Test
    void aLimitThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> shares.setLimit(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(shares.limitW()).isEqualTo(-1);
    }
}
