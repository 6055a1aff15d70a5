package org.chargeflex.cio.site;

import java.time.Instant;
import java.util.List;
import org.chargeflex.optimizer.model.Objective;

/** The request and response bodies of the site planning API. */
final class SitePlanningForms {
    private SitePlanningForms() {
    }

    /** A power step: {@code valueW} from {@code from} until the next step. */
    record PowerPoint(Instant from, Double valueW) {
    }

    /** A price step: {@code pricePerKWh} from {@code from} until the next step. */
    record PricePoint(Instant from, Double pricePerKWh) {
    }

    /**
     * A PUT body; a field left out (or {@code null}) keeps its stored value, an empty list clears the series.
     *
     * @param objective         PEAK, RENEWABLE or TARIFF
     * @param baseLoad          base load forecast, W
     * @param renewableForecast renewable generation forecast, W
     * @param prices            energy price curve, per kWh
     */
    record PlanningForm(String objective, List<PowerPoint> baseLoad, List<PowerPoint> renewableForecast,
            List<PricePoint> prices) {
    }

    /** What GET and PUT answer. */
    record PlanningView(String gridConnectionPoint, Objective objective, List<PowerPoint> baseLoad,
            List<PowerPoint> renewableForecast, List<PricePoint> prices) {
    }
}
