package org.chargeflex.cio.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chargeflex.cio.optimizer.SitePlanning;
import org.chargeflex.cio.optimizer.StepSeries;
import org.chargeflex.cio.site.SitePlanningForms.PlanningForm;
import org.chargeflex.cio.site.SitePlanningForms.PlanningView;
import org.chargeflex.cio.site.SitePlanningForms.PowerPoint;
import org.chargeflex.cio.site.SitePlanningForms.PricePoint;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.user.Role;
import org.chargeflex.optimizer.model.Objective;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and sets a site's planning. Who may set what: OPERATOR everything; FLEET_OPERATOR the objective, the renewable
 * forecast and the prices; DNO the base load. A field the caller may not set is a 403 (nothing is stored); a bad value
 * a 400 (nothing is stored). A change triggers a joint re-plan of the grid connection point.
 */
@Service
class SitePlanningService {
    static final int MAX_POINTS = 10_000;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final SitePlanningRepository repository;
    private final ApplicationEventPublisher events;

    SitePlanningService(SitePlanningRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional(readOnly = true)
    PlanningView get(String id) {
        if (!repository.exists(id)) {
            throw Problems.notFound("grid connection point", id);
        }
        return view(id, repository.stored(id));
    }

    @Transactional
    PlanningView put(String id, PlanningForm form, Set<Role> roles) {
        checkRoles(form, roles);
        Objective objective = form.objective() == null ? null : objective(form.objective());
        Map<SeriesKind, List<StepSeries.Point>> replaced = new EnumMap<>(SeriesKind.class);
        if (form.baseLoad() != null) {
            replaced.put(SeriesKind.BASE_LOAD, points(SeriesKind.BASE_LOAD, "baseLoad",
                    form.baseLoad().stream().map(p -> p == null ? null : new Raw(p.from(), p.valueW())).toList()));
        }
        if (form.renewableForecast() != null) {
            replaced.put(SeriesKind.RENEWABLE, points(SeriesKind.RENEWABLE, "renewableForecast",
                    form.renewableForecast().stream().map(p -> p == null ? null : new Raw(p.from(), p.valueW())).toList()));
        }
        if (form.prices() != null) {
            replaced.put(SeriesKind.PRICE, points(SeriesKind.PRICE, "prices",
                    form.prices().stream().map(p -> p == null ? null : new Raw(p.from(), p.pricePerKWh())).toList()));
        }
        if (!repository.lock(id)) {
            throw Problems.notFound("grid connection point", id);
        }
        SitePlanning current = repository.stored(id); // the table, under the row lock: never the planners' copy
        Objective next = objective == null ? current.objective() : objective;
        boolean hasPrices = replaced.containsKey(SeriesKind.PRICE) ? !replaced.get(SeriesKind.PRICE).isEmpty()
                : !current.pricePerKWh().isEmpty();
        boolean hasForecast = replaced.containsKey(SeriesKind.RENEWABLE) ? !replaced.get(SeriesKind.RENEWABLE).isEmpty()
                : !current.renewableW().isEmpty();
        if (next == Objective.TARIFF && !hasPrices) {
            throw Problems.invalid("objective TARIFF needs prices: set at least one price step");
        }
        if (next == Objective.RENEWABLE && !hasForecast) {
            throw Problems.invalid("objective RENEWABLE needs a renewableForecast: set at least one step");
        }
        repository.store(id, next, replaced);
        events.publishEvent(PlanningSignal.gridConnectionPoint(id)); // joint re-plan with the new objective or series
        return view(id, repository.stored(id));
    }

    private static void checkRoles(PlanningForm form, Set<Role> roles) {
        if (roles.contains(Role.OPERATOR)) {
            return;
        }
        List<String> denied = new ArrayList<>();
        boolean fleet = roles.contains(Role.FLEET_OPERATOR);
        boolean dno = roles.contains(Role.DNO);
        if (form.objective() != null && !fleet) {
            denied.add("objective");
        }
        if (form.renewableForecast() != null && !fleet) {
            denied.add("renewableForecast");
        }
        if (form.prices() != null && !fleet) {
            denied.add("prices");
        }
        if (form.baseLoad() != null && !dno) {
            denied.add("baseLoad");
        }
        if (!denied.isEmpty()) {
            throw Problems.forbidden("your role may not set " + String.join(", ", denied)
                    + " (OPERATOR: all; FLEET_OPERATOR: objective, renewableForecast, prices; DNO: baseLoad)");
        }
    }

    private static Objective objective(String value) {
        try {
            return Objective.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("objective must be PEAK, RENEWABLE or TARIFF, was '" + value + "'");
        }
    }

    private record Raw(Instant from, Double value) {
    }

    private static List<StepSeries.Point> points(SeriesKind kind, String field, List<Raw> raw) {
        if (raw.size() > MAX_POINTS) {
            throw Problems.invalid(field + ": at most " + MAX_POINTS + " steps, had " + raw.size());
        }
        List<StepSeries.Point> points = new ArrayList<>();
        Instant previous = null;
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.get(i);
            String at = field + "[" + i + "]";
            if (r == null || r.from() == null || r.value() == null) {
                throw Problems.invalid(at + ": needs 'from' and " + (kind == SeriesKind.PRICE ? "'pricePerKWh'" : "'valueW'"));
            }
            if (r.from().isBefore(EARLIEST) || !r.from().isBefore(LATEST)) {
                throw Problems.invalid(at + ".from must lie in the years 2000 to 2099, was " + r.from());
            }
            if (previous != null && !r.from().isAfter(previous)) {
                throw Problems.invalid(at + ".from must be after the previous step's from (" + previous
                        + "): steps are sorted and do not overlap, was " + r.from());
            }
            if (!Double.isFinite(r.value()) || r.value() < kind.min || r.value() > kind.max) {
                throw Problems.invalid(at + ": the value must be a finite number from " + kind.min + " to " + kind.max
                        + ", was " + r.value());
            }
            points.add(new StepSeries.Point(r.from(), r.value()));
            previous = r.from();
        }
        return points;
    }

    private static PlanningView view(String id, SitePlanning p) {
        return new PlanningView(id, p.objective(),
                p.baseLoadW().points().stream().map(x -> new PowerPoint(x.from(), x.value())).toList(),
                p.renewableW().points().stream().map(x -> new PowerPoint(x.from(), x.value())).toList(),
                p.pricePerKWh().points().stream().map(x -> new PricePoint(x.from(), x.value())).toList());
    }
}
