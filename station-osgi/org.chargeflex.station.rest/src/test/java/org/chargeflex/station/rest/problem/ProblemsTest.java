package org.chargeflex.station.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargeflex.station.api.Flag;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void mapsWriteFlagsOntoStatusCodes() {
        assertThat(Problems.writeStatus(Flag.ACCESS_DENIED)).isEqualTo(405);
        assertThat(Problems.writeStatus(Flag.DEVICE_REJECTED_VALUE)).isEqualTo(409);
        assertThat(Problems.writeStatus(Flag.TIMEOUT)).isEqualTo(504);
        assertThat(Problems.writeStatus(Flag.INVALID_VALUE)).isEqualTo(400);
        assertThat(Problems.writeStatus(Flag.CANNOT_WRITE_NULL_VALUE)).isEqualTo(400);
        assertThat(Problems.writeStatus(Flag.CHANNEL_DELETED)).isEqualTo(404);
        for (Flag f : new Flag[] {Flag.DRIVER_UNAVAILABLE, Flag.CONNECTION_EXCEPTION,
                Flag.WAITING_FOR_CONNECTION_RETRY, Flag.DRIVER_ERROR, Flag.DRIVER_THREW_UNKNOWN_EXCEPTION,
                Flag.CONNECTING, Flag.INVALID_CHANNEL_ADDRESS, Flag.UNKNOWN_ERROR}) {
            assertThat(Problems.writeStatus(f)).as(f.name()).isEqualTo(502);
        }
    }

    @Test
    void mapsFreshReadFlagsOnto502Or504() {
        assertThat(Problems.readStatus(Flag.TIMEOUT)).isEqualTo(504);
        assertThat(Problems.readStatus(Flag.DRIVER_UNAVAILABLE)).isEqualTo(502);
        assertThat(Problems.readStatus(Flag.NO_VALUE_RECEIVED_YET)).isEqualTo(502);
    }

    @Test
    void carriesTheFlagAndTheAllowHeaderOfARefusedWrite() {
        ProblemException readOnly = Problems.writeRefused("a/b", Flag.ACCESS_DENIED);
        assertThat(readOnly.problem().status()).isEqualTo(405);
        assertThat(readOnly.headers()).containsEntry("Allow", "GET");
        assertThat(readOnly.problem().toJson()).containsEntry("flag", "ACCESS_DENIED").containsEntry("accepted", false);
        ProblemException timeout = Problems.writeRefused("a/b", Flag.TIMEOUT);
        assertThat(timeout.problem().toJson()).containsEntry("status", 504).containsEntry("flag", "TIMEOUT")
                .containsEntry("type", "urn:chargeflex:problem:driver-timeout").containsEntry("label", "a/b");
    }

    @Test
    void leavesOutMembersThatAreNotSet() {
        assertThat(Problem.plain(406, "Not Acceptable").toJson()).containsOnlyKeys("type", "title", "status")
                .containsEntry("type", "about:blank");
    }
}
