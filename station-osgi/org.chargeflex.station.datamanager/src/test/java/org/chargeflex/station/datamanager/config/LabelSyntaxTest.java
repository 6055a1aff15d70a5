package org.chargeflex.station.datamanager.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSyntaxTest {

    @Test
    void acceptsDirectoryLikeLabels() {
        assertThat(LabelSyntax.problem("outlet1/cp_state")).isEmpty();
        assertThat(LabelSyntax.problem("a.b-c_D/9")).isEmpty();
        assertThat(LabelSyntax.problem("histories/history2")).isEmpty();
    }

    @Test
    void rejectsReservedAndEmptySegments() {
        assertThat(LabelSyntax.problem("a/history/b")).hasValueSatisfying(p -> assertThat(p).contains("'history'"));
        assertThat(LabelSyntax.problem("./a")).hasValueSatisfying(p -> assertThat(p).contains("segment '.'"));
        assertThat(LabelSyntax.problem("a//b")).hasValueSatisfying(p -> assertThat(p).contains("empty segment"));
        assertThat(LabelSyntax.problem("a:b")).hasValueSatisfying(p -> assertThat(p).contains("'a:b'"));
    }
}
