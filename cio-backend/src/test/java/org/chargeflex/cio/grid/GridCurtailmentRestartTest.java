package org.chargeflex.cio.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chargeflex.cio.grid.GridCurtailmentTest.Session;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.chargeflex.cio.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A curtailment lives in PostgreSQL: an application started later on the same database (a restarted CIO, or another
 * instance) applies it. That application guarantees 4.2 kW per session ({@code chargeflex.grid.minimum-session-power-w}).
 */
class GridCurtailmentRestartTest extends IntegrationTest {
    private static SecondInstance restarted;

    private static Api startAnother() {
        restarted = SecondInstance.start("cio-backend-restarted", "chargeflex.grid.minimum-session-power-w=4200");
        return restarted.api();
    }

    private static synchronized Api restartedApi() {
        return restarted == null ? startAnother() : restarted.api();
    }

    @AfterAll
    static void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void aCurtailmentSetBeforeARestartHoldsAfterIt() {
        String id = unique("ST");
        Credentials station = registerStation(id, 22_000, null);
        assertThat(api.put(GridCurtailmentTest.BASE + "/stations/" + id, ADMIN,
                GridCurtailmentTest.curtailment(5_000, false, "before restart")).status()).isEqualTo(200);

        Api other = restartedApi();

        assertThat(other.get(GridCurtailmentTest.BASE, ADMIN).json()).anySatisfy(c -> {
            assertThat(c.get("target").asString()).isEqualTo(id);
            assertThat(c.get("limitW").asDouble()).isEqualTo(5_000);
            assertThat(c.get("origin").asString()).isEqualTo("before restart");
        });
        Session s = GridCurtailmentTest.request(other, id, station, "1", "s1", 11_000);
        assertThat(GridCurtailmentTest.peak(other.get(s.poll(), station).json())).isEqualTo(5_000);
    }

    @Test
    void theMinimumSessionPowerIsGuaranteedUnderACurtailment() {
        Api other = restartedApi();
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String a = unique("ST");
        String b = unique("ST");
        Credentials ca = registerStation(a, 22_000, gcp);
        Credentials cb = registerStation(b, 22_000, gcp);
        List<Session> sessions = List.of(GridCurtailmentTest.request(other, a, ca, "1", "s1", 11_000),
                GridCurtailmentTest.request(other, a, ca, "2", "s2", 22_000),
                GridCurtailmentTest.request(other, b, cb, "2", "s3", 22_000));

        Api.Response r = other.put(GridCurtailmentTest.BASE + "/grid-connection-points/" + gcp, ADMIN,
                GridCurtailmentTest.curtailment(1_000, false, "deep curtailment"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("limitW").asDouble()).isEqualTo(1_000);
        assertThat(r.json().get("effectiveLimitW").asDouble()).isEqualTo(3 * 4_200);
        double sum = 0;
        for (Session s : sessions) {
            JsonNode schedule = other.get(s.poll(), s.station()).json();
            assertThat(GridCurtailmentTest.peak(schedule)).as(s.toString()).isGreaterThanOrEqualTo(4_200);
            sum += GridCurtailmentTest.peak(schedule);
        }
        assertThat(sum).isLessThanOrEqualTo(3 * 4_200);
        assertThat(other.get(GridCurtailmentTest.BASE, ADMIN).json()).anySatisfy(c -> {
            assertThat(c.get("target").asString()).isEqualTo(gcp);
            assertThat(c.get("effectiveLimitW").asDouble()).isEqualTo(3 * 4_200);
        });
    }
}
