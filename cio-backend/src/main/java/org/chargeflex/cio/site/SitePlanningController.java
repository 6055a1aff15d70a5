package org.chargeflex.cio.site;

import java.util.EnumSet;
import java.util.Set;
import org.chargeflex.cio.site.SitePlanningForms.PlanningForm;
import org.chargeflex.cio.site.SitePlanningForms.PlanningView;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A site's (grid connection point's) objective, base load, renewable forecast and prices ({@link SitePlanningService}). */
@RestController
@RequestMapping("/api/v1/admin/grid-connection-points/{id}/planning")
class SitePlanningController {
    private final SitePlanningService service;

    SitePlanningController(SitePlanningService service) {
        this.service = service;
    }

    @GetMapping
    PlanningView get(@PathVariable String id) {
        return service.get(id);
    }

    @PutMapping
    PlanningView put(@PathVariable String id, @RequestBody PlanningForm form, Authentication caller) {
        if (form == null) {
            throw Problems.invalid("a body is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : caller.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return service.put(id, form, roles);
    }
}
