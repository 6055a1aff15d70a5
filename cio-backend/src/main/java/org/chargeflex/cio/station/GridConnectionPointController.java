package org.chargeflex.cio.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.chargeflex.cio.station.StationForms.GridConnectionPointForm;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Grid connection points and their limits (set by an OPERATOR or a DNO). */
@RestController
@Validated
@RequestMapping("/api/v1/admin/grid-connection-points")
class GridConnectionPointController {
    private final StationRepository stations;

    private final ApplicationEventPublisher events;

    GridConnectionPointController(StationRepository stations, ApplicationEventPublisher events) {
        this.stations = stations;
        this.events = events;
    }

    @GetMapping
    List<GridConnectionPoint> list() {
        return stations.gridConnectionPoints();
    }

    @GetMapping("/{id}")
    GridConnectionPoint get(@PathVariable String id) {
        return stations.gridConnectionPoint(id).orElseThrow(() -> Problems.notFound("grid connection point", id));
    }

    @PutMapping("/{id}")
    GridConnectionPoint put(@PathVariable @Pattern(regexp = StationForms.ID, message = StationForms.ID_MESSAGE) String id,
            @Valid @RequestBody GridConnectionPointForm form) {
        GridConnectionPoint point = new GridConnectionPoint(id, form.name(), form.maxPowerW());
        stations.upsertGridConnectionPoint(point);
        events.publishEvent(PlanningSignal.gridConnectionPoint(id)); // joint re-plan
        return point;
    }
}
