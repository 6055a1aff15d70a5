package org.chargeflex.station.datamanager.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryFileNamesTest {

    @Test
    void escapesEverythingButSafeCharacters() {
        assertThat(HistoryFileNames.base("outlet1/cp_state")).isEqualTo("outlet1%2Fcp_state");
        assertThat(HistoryFileNames.base("a.b-c")).isEqualTo("a%2Eb-c");
        assertThat(HistoryFileNames.base("../x")).isEqualTo("%2E%2E%2Fx");
    }

    @Test
    void shortensLongLabelsUniquely() {
        String a = "x/".repeat(100) + "a";
        String b = "x/".repeat(100) + "b";
        assertThat(HistoryFileNames.base(a)).hasSizeLessThanOrEqualTo(120).isNotEqualTo(HistoryFileNames.base(b));
    }

    @Test
    void recognisesOnlyItsOwnSegments() {
        String base = HistoryFileNames.base("a");
        assertThat(HistoryFileNames.sequenceOf(base, HistoryFileNames.segment(base, 42))).hasValue(42);
        assertThat(HistoryFileNames.sequenceOf(base, HistoryFileNames.segment(HistoryFileNames.base("a.b"), 1)))
                .isEmpty();
        assertThat(HistoryFileNames.sequenceOf(base, "a.1.hist.tmp")).isEmpty();
    }
}
