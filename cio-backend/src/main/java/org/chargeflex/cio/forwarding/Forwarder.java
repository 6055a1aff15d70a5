package org.chargeflex.cio.forwarding;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.optimizer.PlanningInput;
import org.chargeflex.cio.system.RegistryCache;
import org.chargeflex.cio.system.RegistryChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards a charging request to the management service responsible for it and checks the answer.
 *
 * <p>The service is, in this order: the one named in the request (only if an operator registered that URL); the fleet
 * service the EV user is a member of; the DNO service of the station's grid connection point. Disabled services are
 * skipped. Every attempt that does not end in a usable plan is written to the forwarding log with its reason; the
 * caller then plans the session itself and records the final outcome with {@link #record}.
 */
@Service
@EnableConfigurationProperties(ForwardingProperties.class)
public class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private static final int RESPONSIBLE_CACHE_SIZE = 100_000;

    private final ManagementServiceRepository services;
    private final ForwardingClient client;
    private final ForwardingLogRepository log;
    private final JsonMapper json;
    /** The responsible service by EV user and grid connection point (mostly: none); see {@link RegistryCache}. */
    private final RegistryCache<Responsibility, Optional<ServiceEndpoint>> responsible;

    private record Responsibility(UserIdentification.Type userType, String userToken, String gridConnectionPoint) {
    }

    Forwarder(ManagementServiceRepository services, ForwardingClient client, ForwardingLogRepository log, JsonMapper json,
            RegistryChanges changes) {
        this.services = services;
        this.client = client;
        this.log = log;
        this.json = json;
        this.responsible = changes.cache("responsible management services", RESPONSIBLE_CACHE_SIZE, Set.of(RegistryChanges.MANAGEMENT_SERVICES,
                        RegistryChanges.MANAGEMENT_SERVICE_MEMBERS, RegistryChanges.MANAGEMENT_SERVICE_GRID_POINTS));
    }

    /** A valid answer of a service; {@link #record} it once it is used or dropped. */
    public record Forwarded(long serviceId, String url, PlannedSchedule plan, long durationMs) {
    }

    /**
     * Asks the responsible service, if any; empty if there is none or its answer cannot be used (logged).
     *
     * @param currentLimits the limits to send to the service and check its answer against; computed only if a
     *                      service is responsible
     */
    public Optional<Forwarded> forward(ChargingRequest request, String gridConnectionPoint,
            Supplier<PlanningInput> currentLimits) {
        Optional<ServiceEndpoint> service = choose(request, gridConnectionPoint);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        ServiceEndpoint s = service.get();
        PlanningInput limits = currentLimits.get();
        byte[] body = json.writeValueAsBytes(new ForwardingRequest(request, gridConnectionPoint, limitsOf(limits),
                limits.now()));
        long start = System.nanoTime();
        ForwardingClient.Exchange exchange = client.post(s.url(), Duration.ofMillis(s.timeoutMs()), body);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exchange.outcome() != null) {
            write(request, s.id(), s.url().toString(), exchange.outcome(), exchange.detail(), millis);
            return Optional.empty();
        }
        ScheduleProposal proposal;
        try {
            proposal = json.readValue(exchange.body(), ScheduleProposal.class);
        } catch (JacksonException | IllegalArgumentException e) {
            write(request, s.id(), s.url().toString(), ForwardingOutcome.INVALID_ANSWER,
                    "not a schedule proposal: " + e.getMessage(), millis);
            return Optional.empty();
        }
        ProposalValidator.Checked checked = ProposalValidator.check(proposal, limits);
        if (!checked.valid()) {
            write(request, s.id(), s.url().toString(), ForwardingOutcome.INVALID_ANSWER, checked.problem(), millis);
            return Optional.empty();
        }
        return Optional.of(new Forwarded(s.id(), s.url().toString(), checked.plan(), millis));
    }

    /** Logs the final outcome of a valid answer: ACCEPTED, or LIMITS_CHANGED with the reason. */
    public void record(ChargingRequest request, Forwarded forwarded, ForwardingOutcome outcome, String detail) {
        write(request, forwarded.serviceId(), forwarded.url(), outcome, detail, forwarded.durationMs());
    }

    private Optional<ServiceEndpoint> choose(ChargingRequest request, String gridConnectionPoint) {
        if (request.managementServiceUrl() != null) {
            Optional<ManagementService> named = services.findByUrl(request.managementServiceUrl());
            if (named.isPresent() && named.get().enabled()) {
                return named.map(ServiceEndpoint::of);
            }
            write(request, named.map(ManagementService::id).orElse(null), request.managementServiceUrl().toString(),
                    ForwardingOutcome.NOT_REGISTERED, named.isPresent() ? "the service is disabled"
                            : "no management service is registered with this URL", 0);
        }
        Responsibility key = new Responsibility(request.user().type(), request.user().token(), gridConnectionPoint);
        return responsible.get(key, k -> services.findResponsible(request.user(), gridConnectionPoint));
    }

    private void write(ChargingRequest r, Long serviceId, String url, ForwardingOutcome outcome, String detail,
            long millis) {
        if (outcome != ForwardingOutcome.ACCEPTED) {
            LOG.info("Forwarding session {}/{} to {}: {} ({}); the CIO plans it itself", r.stationId(), r.sessionId(),
                    url, outcome, detail);
        }
        log.insert(r.stationId(), r.sessionId(), serviceId, url, outcome, detail, millis);
    }

    private static ForwardingRequest.Limits limitsOf(PlanningInput in) {
        return new ForwardingRequest.Limits(in.maxPowerW(), in.evMaxPowerW(), in.evMinPowerW(), in.outletMaxPowerW(),
                in.stationHeadroomW(), Double.isInfinite(in.gridHeadroomW()) ? null : in.gridHeadroomW());
    }
}
