package org.chargeflex.cio.forwarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.system.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators register management services, their EV user members (fleet) and grid connection points (DNO). */
@RestController
@RequestMapping("/api/v1/admin")
class ManagementServiceController {
    static final int MAX_LOG_ROWS = 1000;

    private final ManagementServiceRepository services;
    private final ForwardingLogRepository log;
    private final ForwardingProperties properties;

    ManagementServiceController(ManagementServiceRepository services, ForwardingLogRepository log,
            ForwardingProperties properties) {
        this.services = services;
        this.log = log;
        this.properties = properties;
    }

    /** @param timeoutMs 50 to 60000; default {@code cio.forwarding.default-timeout} */
    record ServiceForm(@NotBlank @Size(max = 200) String name, @NotNull ManagementService.Kind kind,
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url,
            @Min(50) @Max(60_000) Integer timeoutMs, Boolean enabled) {
    }

    @GetMapping("/management-services")
    List<ManagementService> list() {
        return services.list();
    }

    @GetMapping("/management-services/{id}")
    ManagementService get(@PathVariable long id) {
        return services.find(id).orElseThrow(() -> Problems.notFound("management service", String.valueOf(id)));
    }

    @PostMapping("/management-services")
    @ResponseStatus(HttpStatus.CREATED)
    ManagementService create(@Valid @RequestBody ServiceForm form) {
        try {
            return get(services.insert(data(form)));
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("a management service with this name or URL exists already");
        }
    }

    @PutMapping("/management-services/{id}")
    ManagementService update(@PathVariable long id, @Valid @RequestBody ServiceForm form) {
        try {
            if (!services.update(id, data(form))) {
                throw Problems.notFound("management service", String.valueOf(id));
            }
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("a management service with this name or URL exists already");
        }
        return get(id);
    }

    @DeleteMapping("/management-services/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        if (!services.delete(id)) {
            throw Problems.notFound("management service", String.valueOf(id));
        }
    }

    /** Makes an EV user (by identification) a member of a fleet service. */
    @PutMapping("/management-services/{id}/members/{type}/{token}")
    ManagementService putMember(@PathVariable long id, @PathVariable UserIdentification.Type type,
            @PathVariable String token) {
        UserIdentification user = user(type, token);
        requireKind(id, ManagementService.Kind.FLEET);
        services.putMember(id, user);
        return get(id);
    }

    @DeleteMapping("/management-services/{id}/members/{type}/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMember(@PathVariable long id, @PathVariable UserIdentification.Type type, @PathVariable String token) {
        if (!services.deleteMember(id, user(type, token))) {
            throw Problems.notFound("member", type + "/" + token);
        }
    }

    /** Puts a grid connection point under a DNO service. */
    @PutMapping("/management-services/{id}/grid-connection-points/{gridConnectionPoint}")
    ManagementService putGridPoint(@PathVariable long id, @PathVariable String gridConnectionPoint) {
        requireKind(id, ManagementService.Kind.DNO);
        try {
            services.putGridPoint(id, gridConnectionPoint);
        } catch (DataIntegrityViolationException e) {
            throw Problems.unprocessable("grid connection point '" + gridConnectionPoint + "' is not registered");
        }
        return get(id);
    }

    @DeleteMapping("/management-services/{id}/grid-connection-points/{gridConnectionPoint}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGridPoint(@PathVariable long id, @PathVariable String gridConnectionPoint) {
        if (!services.deleteGridPoint(id, gridConnectionPoint)) {
            throw Problems.notFound("grid connection point of the service", gridConnectionPoint);
        }
    }

    /** Forwarding attempts, newest first. */
    @GetMapping("/forwarding-log")
    List<ForwardingLogRepository.Entry> forwardingLog(@RequestParam(required = false) String stationId,
            @RequestParam(required = false) String sessionId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LOG_ROWS) {
            throw Problems.invalid("limit must be 1 to " + MAX_LOG_ROWS + ", was " + limit);
        }
        return log.list(stationId, sessionId, limit);
    }

    private void requireKind(long id, ManagementService.Kind kind) {
        if (get(id).kind() != kind) {
            throw Problems.unprocessable("management service " + id + " is not of kind " + kind);
        }
    }

    private ManagementServiceRepository.ServiceData data(ServiceForm form) {
        URI url;
        try {
            url = URI.create(form.url());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("url: " + e.getMessage());
        }
        int timeout = form.timeoutMs() != null ? form.timeoutMs() : (int) properties.defaultTimeout().toMillis();
        return new ManagementServiceRepository.ServiceData(form.name(), form.kind(), url, timeout,
                form.enabled() == null || form.enabled());
    }

    private static UserIdentification user(UserIdentification.Type type, String token) {
        try {
            return new UserIdentification(type, token);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(e.getMessage());
        }
    }
}
