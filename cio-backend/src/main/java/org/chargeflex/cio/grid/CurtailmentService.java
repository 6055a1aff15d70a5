package org.chargeflex.cio.grid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chargeflex.cio.channel.StationChannelAccess.WriteOutcome;
import org.chargeflex.cio.grid.CommandLogRepository.Command;
import org.chargeflex.cio.grid.CurtailmentRepository.Stored;
import org.chargeflex.cio.grid.GridCommand.Action;
import org.chargeflex.cio.grid.GridCommand.Outcome;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.SessionReplanner;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Applies and lifts curtailments.
 *
 * <ol>
 * <li>Check the command (limit given, finite, 0 .. the target's registered maximum; target known). A refused command
 *     is logged (REFUSED, NOT_FOUND) and answered 400 / 404; nothing else changes.</li>
 * <li>In one transaction holding the planning locks of the target's stations and then its grid connection point
 *     ({@link PlanningLocks}, the scheme of the schedule service and the background re-planner): store or delete the curtailment, re-plan every ongoing session under the target
 *     ({@link SessionReplanner}) and append the command to the log.</li>
 * <li>After the commit, if the command or the curtailment it replaced is an emergency: write each affected station's
 *     grid limit ({@link EmergencyLimitWriter}; no transaction or lock is held meanwhile) and log each write.</li>
 * </ol>
 */
@Service
class CurtailmentService {
    static final String NO_ORIGIN = "(not given)";
    static final int MAX_ORIGIN = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CurtailmentService.class);

    private final StationRepository stations;
    private final CurtailmentRepository curtailments;
    private final CommandLogRepository log;
    private final CurtailedLimits limits;
    private final SessionReplanner replanner;
    private final ScheduleRepository schedules;
    private final EmergencyLimitWriter writer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PlanningLocks locks;

    CurtailmentService(StationRepository stations, CurtailmentRepository curtailments, CommandLogRepository log,
            CurtailedLimits limits, SessionReplanner replanner, ScheduleRepository schedules,
            EmergencyLimitWriter writer, TransactionTemplate transaction, Clock clock, PlanningLocks locks) {
        this.stations = stations;
        this.curtailments = curtailments;
        this.log = log;
        this.limits = limits;
        this.replanner = replanner;
        this.schedules = schedules;
        this.writer = writer;
        this.transaction = transaction;
        this.clock = clock;
        this.locks = locks;
    }

    /** What the transaction of an applied or lifted command did. */
    private record Applied(long commandId, Instant at, int replanned, double effectiveLimitW, List<Station> stations,
            boolean writeStations) {
    }

    Curtailment curtail(CurtailmentScope scope, String target, CurtailmentRequest body, String user) {
        Double limitW = body.limitW();
        boolean emergency = Boolean.TRUE.equals(body.emergency());
        Command command = new Command(Action.CURTAIL, scope, target, limitW, emergency, origin(body.origin()), user);
        if (limitW == null) {
            throw refuse(command, "limitW is required (W, >= 0)");
        }
        if (limitW.isNaN() || limitW.isInfinite()) {
            throw refuse(command, "limitW must be a finite number, not " + limitW);
        }
        if (limitW < 0) {
            throw refuse(command, "limitW must be >= 0 W, not " + limitW);
        }
        double registered = registeredMaxW(command);
        if (limitW > registered) {
            throw refuse(command, "limitW " + limitW + " W exceeds the " + scope.description() + "'s registered maximum of "
                    + registered + " W");
        }
        Applied applied = transaction.execute(tx -> {
            List<Station> affected = lock(scope, target);
            boolean wasEmergency = curtailments.find(scope, target).map(Stored::emergency).orElse(false);
            long id = log.nextId();
            Instant now = clock.instant();
            curtailments.upsert(new Stored(scope, target, limitW, emergency, command.origin(), user, now, 0, id));
            int replanned = replanner.replan(affected);
            curtailments.setReplannedSessions(id, replanned);
            double effective = limits.effective(registered, limitW, curtailments.ongoingSessions(scope, target));
            log.append(id, command, Outcome.APPLIED, null, effective, replanned);
            return new Applied(id, now, replanned, effective, affected, emergency || wasEmergency);
        });
        boolean delivered = applied.writeStations() && deliver(applied.commandId(), applied.stations());
        LOG.info("Grid command {}: curtail {} '{}' to {} W (effective {} W), emergency {}, {} sessions re-planned, "
                + "stations written {}; origin '{}', user '{}'", applied.commandId(), scope, target, limitW,
                applied.effectiveLimitW(), emergency, applied.replanned(), applied.writeStations() ? delivered : "-",
                command.origin(), user);
        return new Curtailment(scope, target, limitW, applied.effectiveLimitW(), emergency, command.origin(), user,
                applied.at(), applied.replanned(), delivered);
    }

    void lift(CurtailmentScope scope, String target, String origin, String user) {
        Command asked = new Command(Action.LIFT, scope, target, null, false, origin(origin), user);
        registeredMaxW(asked);
        Applied lifted = transaction.execute(tx -> {
            List<Station> affected = lock(scope, target);
            Optional<Stored> previous = curtailments.find(scope, target);
            if (previous.isEmpty()) {
                return null;
            }
            curtailments.delete(scope, target);
            int replanned = replanner.replan(affected);
            Command command = new Command(Action.LIFT, scope, target, null, previous.get().emergency(), asked.origin(), user);
            long id = log.append(null, command, Outcome.LIFTED, null, null, replanned);
            return new Applied(id, clock.instant(), replanned, Double.NaN, affected, previous.get().emergency());
        });
        if (lifted == null) {
            log.append(null, asked, Outcome.NOT_FOUND, "no curtailment is active", null, null);
            LOG.info("Grid command refused: lift {} '{}': no curtailment is active; origin '{}', user '{}'", scope, target,
                    asked.origin(), user);
            throw Problems.notFound("curtailment of " + scope.description(), target);
        }
        boolean delivered = lifted.writeStations() && deliver(lifted.commandId(), lifted.stations());
        LOG.info("Grid command {}: lift {} '{}', {} sessions re-planned, stations written {}; origin '{}', user '{}'",
                lifted.commandId(), scope, target, lifted.replanned(), lifted.writeStations() ? delivered : "-",
                asked.origin(), user);
    }

    List<Curtailment> list() {
        return curtailments.list().stream().map(l -> {
            Stored c = l.curtailment();
            return new Curtailment(c.scope(), c.target(), c.limitW(),
                    limits.effective(l.registeredMaxW(), c.limitW(), l.ongoingSessions()), c.emergency(), c.origin(),
                    c.requestedBy(), c.appliedAt(), c.replannedSessions(), Boolean.TRUE.equals(l.emergencyDelivered()));
        }).toList();
    }

    List<GridCommand> commands(int limit) {
        return log.newest(limit);
    }

    /** The target's registered maximum, W; a 404 (logged) if it does not exist. */
    private double registeredMaxW(Command command) {
        Optional<Double> max = command.scope() == CurtailmentScope.STATION
                ? stations.find(command.target()).map(Station::maxPowerW)
                : stations.gridConnectionPoint(command.target()).map(GridConnectionPoint::maxPowerW);
        if (max.isEmpty()) {
            log.append(null, command, Outcome.NOT_FOUND, command.scope().description() + " does not exist", null, null);
            LOG.info("Grid command refused: {} {} '{}': no such {}; origin '{}', user '{}'", command.action(),
                    command.scope(), command.target(), command.scope().description(), command.origin(), command.requestedBy());
            throw Problems.notFound(command.scope().description(), command.target());
        }
        return max.get();
    }

    /** Takes the planning locks (stations by id, then the grid connection point); the stations under the target. */
    private List<Station> lock(CurtailmentScope scope, String target) {
        if (scope == CurtailmentScope.STATION) {
            Station station = stations.find(target).orElseThrow(() -> Problems.notFound("station", target));
            locks.lock(station.id(), station.gridConnectionPoint());
            return List.of(station);
        }
        List<String> ids = curtailments.stationIds(target);
        locks.lock(ids, target);
        return ids.stream().map(stations::find).flatMap(Optional::stream).toList();
    }

    private ErrorResponseException refuse(Command command, String detail) {
        log.append(null, command, Outcome.REFUSED, detail, null, null);
        LOG.info("Grid command refused: {} {} '{}': {}; origin '{}', user '{}'", command.action(), command.scope(),
                command.target(), detail, command.origin(), command.requestedBy());
        return Problems.invalid(detail);
    }

    /** Writes the stations' grid limits now in force and logs each write. @return whether every station accepted */
    private boolean deliver(long commandId, List<Station> affected) {
        Map<Station, Double> values = stationLimits(affected);
        Map<Station, WriteOutcome> outcomes = writer.write(values);
        boolean all = !outcomes.isEmpty();
        for (Map.Entry<Station, WriteOutcome> e : outcomes.entrySet()) {
            WriteOutcome o = e.getValue();
            all &= o.delivered();
            if (!o.delivered()) {
                LOG.warn("Grid command {}: station {} did not accept its grid limit {} W: {}", commandId,
                        e.getKey().id(), values.get(e.getKey()), o.detail());
            }
            log.appendWrite(commandId, e.getKey().id(), values.get(e.getKey()), o.delivered(), o.detail());
        }
        return all;
    }

    /**
     * The value for each station's {@code station/grid_limit_w}: the lowest of its own emergency curtailment's
     * effective limit and its share of its grid connection point's emergency curtailment; -1 if neither exists.
     */
    private Map<Station, Double> stationLimits(List<Station> affected) {
        Map<String, Map<String, Double>> shares = new HashMap<>();
        Map<Station, Double> values = new LinkedHashMap<>();
        for (Station station : affected) {
            double value = Double.POSITIVE_INFINITY;
            if (curtailments.find(CurtailmentScope.STATION, station.id()).filter(Stored::emergency).isPresent()) {
                value = limits.stationLimitW(station);
            }
            String gcp = station.gridConnectionPoint();
            if (gcp != null && curtailments.find(CurtailmentScope.GRID_CONNECTION_POINT, gcp).filter(Stored::emergency)
                    .isPresent()) {
                value = Math.min(value, shares.computeIfAbsent(gcp, this::shares).getOrDefault(station.id(), 0.0));
            }
            values.put(station, Double.isInfinite(value) ? EmergencyLimitWriter.LIFTED : Math.floor(value));
        }
        return values;
    }

    /**
     * Splits a grid connection point's effective limit over its stations: each keeps what its sessions are planned
     * to draw, and the rest is shared evenly (so a station without a session can still start one); if the plans
     * exceed the limit, each gets its proportional part. The shares add up to the limit.
     */
    private Map<String, Double> shares(String gcp) {
        double limit = stations.gridConnectionPoint(gcp).map(limits::gridConnectionPointLimitW).orElse(0.0);
        Instant now = clock.instant();
        Map<String, Double> planned = new LinkedHashMap<>();
        for (String id : curtailments.stationIds(gcp)) {
            planned.put(id, schedules.committedAtStation(id, "", now));
        }
        double sum = planned.values().stream().mapToDouble(Double::doubleValue).sum();
        double rest = limit - sum;
        Map<String, Double> shares = new HashMap<>();
        List<String> ids = new ArrayList<>(planned.keySet());
        for (String id : ids) {
            double p = planned.get(id);
            shares.put(id, rest >= 0 ? p + rest / ids.size() : p * limit / sum);
        }
        return shares;
    }

    private static String origin(String origin) {
        if (origin == null || origin.isBlank()) {
            return NO_ORIGIN;
        }
        return origin.length() <= MAX_ORIGIN ? origin : origin.substring(0, MAX_ORIGIN);
    }
}
