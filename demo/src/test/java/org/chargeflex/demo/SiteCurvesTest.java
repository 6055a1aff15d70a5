package org.chargeflex.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteCurvesTest {
    private static final long H = 3_600_000L;

    @Test
    void tariffIsCheapAtNightAndMiddayAndChargingThenCostsLess() {
        assertThat(SiteCurves.price(3 * H)).isLessThan(SiteCurves.price(8 * H));
        assertThat(SiteCurves.price(12 * H)).isLessThan(SiteCurves.price(18 * H));
        List<double[]> midday = List.of(new double[] {12 * H, 13 * H, 10_000});
        List<double[]> evening = List.of(new double[] {18 * H, 19 * H, 10_000});
        assertThat(SiteCurves.costEur(midday)).isCloseTo(10 * 0.12, within(1e-9));
        assertThat(SiteCurves.costEur(evening)).isGreaterThan(SiteCurves.costEur(midday));
    }

    @Test
    void pvForecastPeaksAtNoonAndHoldsItsShareOfTheFleetsDemand() {
        SiteCurves pv = new SiteCurves(DemoOptions.Objective.RENEWABLE, 100_000);
        assertThat(pv.renewableW(12 * H)).isCloseTo(pv.pvPeakW(), within(1e-6));
        assertThat(pv.renewableW(5 * H)).isZero();
        double dayWh = 0;
        for (long t = 0; t < 24 * H; t += 60_000) {
            dayWh += pv.renewableW(t + 30_000) / 60;
        }
        assertThat(dayWh).isCloseTo(SiteCurves.PV_SHARE * 100_000, within(100.0));
        // a load under the forecast is covered completely
        assertThat(pv.renewableWh(List.of(new double[] {11 * H, 13 * H, 1_000}))).isCloseTo(2_000, within(1e-6));
    }

    @Test
    void planningBodyStatesTheCurveInWallClockTime() {
        Clock clock = new Clock(Instant.parse("2026-11-25T08:00:00Z"), 240);
        Map<String, Object> body = new SiteCurves(DemoOptions.Objective.TARIFF, 0).planningBody(clock, 0, H);
        assertThat(body.get("objective")).isEqualTo("TARIFF");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> prices = (List<Map<String, Object>>) body.get("prices");
        assertThat(prices.get(1)).containsEntry("from", "2026-11-25T08:00:03.750Z").containsEntry("pricePerKWh", 0.14);
        assertThat(body).doesNotContainKey("renewableForecast");
    }

    @Test
    void uncontrolledChargesAtFullPowerFromArrivalUntilTheDemandIsMet() {
        Visit v = new Visit(0, 1, 0, 10 * H, 60_000, 0.3, 16, 3);
        List<double[]> profile = SiteCurves.uncontrolled(List.of(v));
        assertThat(SiteCurves.energyWh(profile)).isCloseTo(Math.min(v.demandWh(), v.maxPowerW() * 10), within(1.0));
    }
}
