package org.chargeflex.station.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void defaultsToTheLastHour() {
        assertThat(TimeRange.parse(null, null, NOW)).isEqualTo(new TimeRange(NOW - 3_600_000L, NOW));
        assertThat(TimeRange.parse("", " ", NOW)).isEqualTo(new TimeRange(NOW - 3_600_000L, NOW));
        assertThat(TimeRange.parse(null, "5000000", NOW)).isEqualTo(new TimeRange(5_000_000L - 3_600_000L, 5_000_000L));
        assertThat(TimeRange.parse("1000", null, NOW)).isEqualTo(new TimeRange(1000, NOW));
    }

    @Test
    void takesEpochMillisAndIsoInstants() {
        assertThat(TimeRange.parse("1500", "3000", NOW)).isEqualTo(new TimeRange(1500, 3000));
        assertThat(TimeRange.parse("1970-01-01T00:00:01.500Z", "1970-01-01T00:00:03Z", NOW))
                .isEqualTo(new TimeRange(1500, 3000));
        assertThat(TimeRange.parse("1970-01-01T01:00:01+01:00", "1970-01-01T00:00:03Z", NOW))
                .isEqualTo(new TimeRange(1000, 3000));
        assertThat(TimeRange.parse("-5", "5", NOW)).isEqualTo(new TimeRange(-5, 5));
    }

    @Test
    void refusesFromAfterUntilAndUnparseableBounds() {
        assertThatThrownBy(() -> TimeRange.parse("3000", "1000", NOW)).hasMessageContaining("is after until");
        assertThatThrownBy(() -> TimeRange.parse("yesterday", null, NOW))
                .hasMessageContaining("from 'yesterday' is neither epoch milliseconds nor an ISO-8601 instant");
        assertThatThrownBy(() -> TimeRange.parse(null, "2026-13-01T00:00:00Z", NOW)).hasMessageContaining("until");
        assertThatThrownBy(() -> TimeRange.parse("99999999999999999999", null, NOW))
                .hasMessageContaining("epoch");
    }
}
