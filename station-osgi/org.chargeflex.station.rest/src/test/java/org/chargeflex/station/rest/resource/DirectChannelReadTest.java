package org.chargeflex.station.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the direct path takes; everything it declines goes to Jersey (RestServerIT checks the answers). */
class DirectChannelReadTest {

    @Test
    void takesOnlyNoAcceptHeaderOrAPlainJsonOne() {
        assertThat(DirectChannelRead.plainJsonAccepted(null)).isTrue();
        assertThat(DirectChannelRead.plainJsonAccepted("*/*")).isTrue();
        assertThat(DirectChannelRead.plainJsonAccepted(" application/json ")).isTrue();
        assertThat(DirectChannelRead.plainJsonAccepted("application/*")).isTrue();
        assertThat(DirectChannelRead.plainJsonAccepted("text/html")).isFalse();
        assertThat(DirectChannelRead.plainJsonAccepted("application/json;q=0")).isFalse();
        assertThat(DirectChannelRead.plainJsonAccepted("text/html, */*;q=0.8")).isFalse();
    }

    @Test
    void takesOnlyPlainLabelsUnderChannels() {
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/outlet1/meter/power")).isTrue();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/outlet1/meter/power/")).isTrue();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/a-b_c.d:e/F9")).isTrue();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channel/outlet1/cp_state")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels//outlet1")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/outlet1/../x")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/outlet1/.")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/out let")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath("/channels/zähler")).isFalse();
        assertThat(DirectChannelRead.isPlainLabelPath(null)).isFalse();
    }

    @Test
    void takesOnlyUrisWithoutEscapesOrPathParameters() {
        assertThat(DirectChannelRead.isPlainUri("/rest/channels/outlet1/power")).isTrue();
        assertThat(DirectChannelRead.isPlainUri("/rest/channels/outlet1%2Fpower")).isFalse();
        assertThat(DirectChannelRead.isPlainUri("/rest/channels/outlet1;v=1/power")).isFalse();
        assertThat(DirectChannelRead.isPlainUri(null)).isFalse();
    }
}
