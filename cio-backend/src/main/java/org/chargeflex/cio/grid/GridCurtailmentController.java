package org.chargeflex.cio.grid;

import java.security.Principal;
import java.util.List;
import org.chargeflex.cio.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DNO curtailments of stations and grid connection points, and the command log (roles OPERATOR and DNO). A DELETE may
 * name its origin with {@code ?origin=...}. Contract: docs/cio-backend.md, "Grid curtailments".
 */
@RestController
@RequestMapping("/api/v1/admin/grid")
class GridCurtailmentController {
    static final String STATION = "/curtailments/stations/{stationId}";
    static final String GRID_CONNECTION_POINT = "/curtailments/grid-connection-points/{gcpId}";
    static final int MAX_COMMANDS = 1000;

    private final CurtailmentService service;

    GridCurtailmentController(CurtailmentService service) {
        this.service = service;
    }

    @PutMapping(STATION)
    Curtailment curtailStation(@PathVariable String stationId, @RequestBody CurtailmentRequest body, Principal user) {
        return service.curtail(CurtailmentScope.STATION, stationId, body, user.getName());
    }

    @PutMapping(GRID_CONNECTION_POINT)
    Curtailment curtailGridConnectionPoint(@PathVariable String gcpId, @RequestBody CurtailmentRequest body,
            Principal user) {
        return service.curtail(CurtailmentScope.GRID_CONNECTION_POINT, gcpId, body, user.getName());
    }

    @DeleteMapping(STATION)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void liftStation(@PathVariable String stationId, @RequestParam(required = false) String origin, Principal user) {
        service.lift(CurtailmentScope.STATION, stationId, origin, user.getName());
    }

    @DeleteMapping(GRID_CONNECTION_POINT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void liftGridConnectionPoint(@PathVariable String gcpId, @RequestParam(required = false) String origin,
            Principal user) {
        service.lift(CurtailmentScope.GRID_CONNECTION_POINT, gcpId, origin, user.getName());
    }

    @GetMapping("/curtailments")
    List<Curtailment> curtailments() {
        return service.list();
    }

    @GetMapping("/commands")
    List<GridCommand> commands(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_COMMANDS) {
            throw Problems.invalid("limit must be 1 to " + MAX_COMMANDS + ", not " + limit);
        }
        return service.commands(limit);
    }
}
