package org.chargeflex.cio.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Guards the triggers of migration V7_1 ({@link PlanGenerations}): every change of what the request path's limits
 * depend on moves the generation of each planning target it touches, whoever writes it. Otherwise an instance would
 * keep planning from its copy of the target's plans (schedule.PlanSnapshots) as if nothing had changed. The
 * curtailment is written by hand: through the API its re-plan moves the generation as well and would hide a missing
 * trigger.
 */
class PlanGenerationTriggersTest extends IntegrationTest {

    @Test
    void aStationMovedToAnotherGridConnectionPointMovesBothTargetsAndItsOwn() {
        String from = unique("GCP");
        String to = unique("GCP");
        registerGridConnectionPoint(from, 50_000);
        registerGridConnectionPoint(to, 50_000);
        String id = unique("ST");
        registerStation(id, 22_000, from);
        long fromBefore = generation("g:" + from);
        long toBefore = generation("g:" + to);
        long ownBefore = generation("s:" + id);

        assertThat(api.put("/api/v1/admin/stations/" + id, ADMIN, Map.of("name", "Moved", "maxPowerW", 22_000,
                "gridConnectionPoint", to)).status()).isEqualTo(200);

        assertThat(generation("g:" + from)).isGreaterThan(fromBefore);
        assertThat(generation("g:" + to)).isGreaterThan(toBefore);
        assertThat(generation("s:" + id)).isGreaterThan(ownBefore);
    }

    @Test
    void aNewGridLimitMovesItsTarget() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        long before = generation("g:" + gcp);

        registerGridConnectionPoint(gcp, 40_000);

        assertThat(generation("g:" + gcp)).isGreaterThan(before);
    }

    @Test
    void aStationCurtailmentWrittenByHandMovesItsGridConnectionPointsTarget() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String id = unique("ST");
        registerStation(id, 22_000, gcp);
        long before = generation("g:" + gcp);

        long command = jdbc.sql("""
                INSERT INTO grid_commands (action, scope, target, limit_w, emergency, origin, requested_by, outcome)
                VALUES ('CURTAIL', 'STATION', ?, 1000, false, 'by hand', 'test', 'APPLIED') RETURNING id""")
                .param(id).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO grid_curtailments (station_id, limit_w, emergency, origin, requested_by, applied_at,
                                               replanned_sessions, command_id)
                VALUES (?, 1000, false, 'by hand', 'test', now(), 0, ?)""").params(id, command).update();
        long curtailed = generation("g:" + gcp);
        jdbc.sql("DELETE FROM grid_curtailments WHERE station_id = ?").param(id).update();

        assertThat(curtailed).isGreaterThan(before);
        assertThat(generation("g:" + gcp)).isGreaterThan(curtailed);
    }

    @Test
    void aDeletedStationMovesItsTarget() {
        String gcp = unique("GCP");
        registerGridConnectionPoint(gcp, 50_000);
        String id = unique("ST");
        registerStation(id, 22_000, gcp);
        long before = generation("g:" + gcp);

        assertThat(api.delete("/api/v1/admin/stations/" + id, ADMIN).status()).isEqualTo(204);

        assertThat(generation("g:" + gcp)).isGreaterThan(before);
    }

    private long generation(String target) {
        return jdbc.sql("SELECT generation FROM plan_generations WHERE target = ?").param(target).query(Long.class)
                .optional().orElse(0L);
    }
}
