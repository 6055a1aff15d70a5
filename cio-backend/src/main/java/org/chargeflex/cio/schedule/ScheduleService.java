package org.chargeflex.cio.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.EvParameters;
import org.chargeflex.cio.forwarding.Forwarder;
import org.chargeflex.cio.system.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Answers charging requests with schedules.
 *
 * <ol>
 * <li>Check the station's outlet (registry copy in memory, {@link PlanningTargets}) and the EV's parameters.</li>
 * <li>If a management service is responsible, check that the session has not finished, forward the request (outside
 *     any transaction: it may take up to the service's timeout) and check its answer against the limits.</li>
 * <li>Wait in the planning lane of the station's grid connection point ({@link PlanningLanes}: requests sharing a
 *     limit meet in one lane; what gathers while the lane's previous batch runs becomes the next batch) and let the
 *     {@link BatchPlanner} plan the batch in one short transaction holding the stations' and grid connection points'
 *     advisory locks (so plans sharing a limit are made one after another, on any instance): recompute the limits,
 *     take the service's plan if it still fits (else log LIMITS_CHANGED) or plan with the {@link SchedulePlanner},
 *     and store it as the session's next schedule version.</li>
 * </ol>
 */
@Service
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleService {
    private static final Instant EARLIEST_DEPARTURE = Instant.EPOCH;
    private static final Instant LATEST_DEPARTURE = Instant.parse("9999-12-31T23:59:59Z");

    private final PlanningTargets targets;
    private final ScheduleRepository schedules;
    private final LimitCalculator limits;
    private final Forwarder forwarder;
    private final Clock clock;
    private final PlanningLanes<PlanningJob, StoredSchedule> lanes;

    ScheduleService(PlanningTargets targets, ScheduleRepository schedules, LimitCalculator limits, Forwarder forwarder,
            BatchPlanner batchPlanner, Clock clock, ScheduleProperties properties) {
        this.targets = targets;
        this.schedules = schedules;
        this.limits = limits;
        this.forwarder = forwarder;
        this.clock = clock;
        int pollIntervalSeconds = (int) Math.max(1, Math.min(86_400, properties.pollInterval().toSeconds()));
        this.lanes = new PlanningLanes<>(properties.planningLanes(), properties.maxBatch(),
                jobs -> batchPlanner.plan(jobs, pollIntervalSeconds));
    }

    StoredSchedule request(ChargingRequest request) {
        PlanningTargets.Target target = targets.find(request.stationId(), request.outletId())
                .orElseThrow(() -> Problems.notFound("station", request.stationId()));
        if (target.outlet() == null) {
            throw Problems.unprocessable("outlet '" + request.outletId() + "' is not registered at station '"
                    + target.stationId() + "'");
        }
        Instant departure = request.ev().plannedDeparture();
        if (departure.isBefore(EARLIEST_DEPARTURE) || departure.isAfter(LATEST_DEPARTURE)) {
            // the batch stores the time as ISO-8601 text (RequestPlanRepository), which has four-digit years only
            throw Problems.unprocessable("ev.plannedDeparture " + departure + " is outside the years 1970 to 9999");
        }
        double evMax = EvPowerLimits.maxPowerW(request.ev());
        if (EvPowerLimits.minimumExceedsMaximum(request.ev())) {
            throw Problems.unprocessable("the EV's minimum power ("
                    + request.ev().minPowerW(EvParameters.NOMINAL_PHASE_VOLTAGE_V) + " W) exceeds its maximum (" + evMax
                    + " W)");
        }
        double evMin = EvPowerLimits.plannedMinPowerW(request.ev()); // minimum current at 253 V: see EvPowerLimits
        // a finished session is refused by the batch (it cannot be saved again); before forwarding, it is checked here
        Optional<Forwarder.Forwarded> forwarded = forwarder.forward(request, target.gridConnectionPoint(), () -> {
            if (targets.sessionFinished(request.stationId(), request.sessionId())) {
                throw finished(request);
            }
            return limits.limits(target, request, evMax, evMin, clock.instant());
        });
        PlanningJob job = new PlanningJob(request, target, evMax, evMin, forwarded);
        return lanes.submit(job.laneKey(), job);
    }

    /** How many charging requests wait in the planning lanes for a batch now (for monitoring and tests). */
    int queued() {
        return lanes.queued();
    }

    StoredSchedule current(String stationId, String sessionId) {
        return schedules.current(stationId, sessionId)
                .orElseThrow(() -> Problems.notFound("schedule of session", stationId + "/" + sessionId));
    }

    static RuntimeException finished(ChargingRequest request) {
        return Problems.conflict("session '" + request.sessionId() + "' has finished; a new session needs a new id");
    }
}
