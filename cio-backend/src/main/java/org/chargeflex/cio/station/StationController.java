package org.chargeflex.cio.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.chargeflex.cio.station.StationForms.AccessCredentialForm;
import org.chargeflex.cio.station.StationForms.IssuedCredential;
import org.chargeflex.cio.station.StationForms.NewStation;
import org.chargeflex.cio.station.StationForms.OutletForm;
import org.chargeflex.cio.station.StationForms.StationForm;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.system.SecretBox;
import org.chargeflex.cio.system.SecretGenerator;
import org.chargeflex.cio.system.StationSecrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The station registry for operators: stations, outlets and credentials. */
@RestController
@Validated
@RequestMapping("/api/v1/admin/stations")
class StationController {
    private final StationRepository stations;
    private final SecretBox secretBox;
    private final ApplicationEventPublisher events;

    StationController(StationRepository stations, SecretBox secretBox, ApplicationEventPublisher events) {
        this.stations = stations;
        this.secretBox = secretBox;
        this.events = events;
    }

    @GetMapping
    List<Station> list() {
        return stations.list();
    }

    @GetMapping("/{id}")
    Station get(@PathVariable String id) {
        return stations.find(id).orElseThrow(() -> Problems.notFound("station", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Station register(@Valid @RequestBody NewStation form) {
        requireGridConnectionPoint(form.station().gridConnectionPoint());
        List<Outlet> outlets = form.outlets() == null ? List.of()
                : form.outlets().stream().map(OutletForm::toOutlet).toList();
        if (outlets.stream().map(Outlet::id).distinct().count() != outlets.size()) {
            throw Problems.invalid("outlet ids must be distinct");
        }
        try {
            stations.insert(form.id(), form.station().toData(), outlets);
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("station '" + form.id() + "' exists already");
        }
        return get(form.id());
    }

    @PutMapping("/{id}")
    @Transactional
    Station update(@PathVariable String id, @Valid @RequestBody StationForm form) {
        requireGridConnectionPoint(form.gridConnectionPoint());
        if (!stations.update(id, form.toData())) {
            throw Problems.notFound("station", id);
        }
        events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.LIMIT_CHANGED, id)); // joint re-plan
        return get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        if (!stations.delete(id)) {
            throw Problems.notFound("station", id);
        }
    }

    @PutMapping("/{id}/outlets/{outletId}")
    @Transactional
    Station putOutlet(@PathVariable String id,
            @PathVariable @Pattern(regexp = StationForms.ID, message = StationForms.ID_MESSAGE) String outletId,
            @Valid @RequestBody OutletForm form) {
        if (!outletId.equals(form.id())) {
            throw Problems.invalid("the outlet id in the body ('" + form.id() + "') differs from the path ('" + outletId + "')");
        }
        if (!stations.exists(id)) {
            throw Problems.notFound("station", id);
        }
        stations.upsertOutlet(id, form.toOutlet());
        events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.LIMIT_CHANGED, id)); // joint re-plan
        return get(id);
    }

    @DeleteMapping("/{id}/outlets/{outletId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOutlet(@PathVariable String id, @PathVariable String outletId) {
        if (!stations.deleteOutlet(id, outletId)) {
            throw Problems.notFound("outlet", id + "/" + outletId);
        }
    }

    /** Sets a new random secret for the station (its HTTP Basic password); the old one stops working at once. */
    @PostMapping("/{id}/credential")
    IssuedCredential rotateCredential(@PathVariable String id) {
        String secret = SecretGenerator.newSecret();
        if (!stations.setCredentialHash(id, StationSecrets.hash(secret))) {
            throw Problems.notFound("station", id);
        }
        return new IssuedCredential(id, secret);
    }

    /** Stores the CIO's credential for the station's REST server (password encrypted; never returned). */
    @PutMapping("/{id}/access-credential")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setAccessCredential(@PathVariable String id, @Valid @RequestBody AccessCredentialForm form) {
        if (!stations.setAccessCredential(id, form.username(), secretBox.encrypt(form.password(), id))) {
            throw Problems.notFound("station", id);
        }
    }

    private void requireGridConnectionPoint(String id) {
        if (id != null && stations.gridConnectionPoint(id).isEmpty()) {
            throw Problems.unprocessable("grid connection point '" + id + "' is not registered");
        }
    }
}
