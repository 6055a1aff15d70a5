package org.chargeflex.optimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.model.Session;
import org.junit.jupiter.api.Test;

class FleetGeneratorTest {

    @Test
    void sameSeedSameFleetOtherSeedOtherFleet() {
        Problem a = FleetGenerator.builder().sessions(200).seed(5).build().generate();
        Problem b = FleetGenerator.builder().sessions(200).seed(5).build().generate();
        Problem c = FleetGenerator.builder().sessions(200).seed(6).build().generate();
        assertThat(a.sessions()).isEqualTo(b.sessions());
        assertThat(a.sessions()).isNotEqualTo(c.sessions());
    }

    @Test
    void fleetsLookRealistic() {
        for (long seed = 1; seed <= 3; seed++) {
            Problem p = FleetGenerator.builder().sessions(2_000).seed(seed).build().generate();
            double mean = p.sessions().stream().mapToDouble(Session::energyWh).average().orElseThrow();
            assertThat(mean).as("mean energy per session, seed %d", seed).isBetween(8_000.0, 10_000.0);
            long morningArrivals = p.sessions().stream().filter(s -> hour(s.arrival()) >= 8 && hour(s.arrival()) < 9).count();
            long eveningDepartures = p.sessions().stream()
                    .filter(s -> s.departure().isBefore(p.end()) && hour(s.departure()) >= 16 && hour(s.departure()) < 18)
                    .count();
            long shortStays = p.sessions().stream()
                    .filter(s -> s.departure().getEpochSecond() - s.arrival().getEpochSecond() <= 2 * 3600).count();
            assertThat(morningArrivals).as("workplace arrivals 08-09").isGreaterThan(400);
            assertThat(eveningDepartures).as("departures 16-18").isGreaterThan(400);
            assertThat(shortStays).as("car sharing short stays").isGreaterThan(200);
            assertThat(p.sessions()).extracting(Session::outletMaxPowerW).containsOnly(3_700.0, 11_000.0, 22_000.0);
        }
    }

    private static int hour(java.time.Instant t) {
        return t.atZone(ZoneOffset.UTC).getHour();
    }
}
