package org.chargeflex.station.charging.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.cioclient.api.CioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop of one outlet: the session state machine ({@link SessionState}), the schedule (through
 * {@link ScheduleFetcher}), the limit ({@link LimitPolicy}) written through the M3B channels ({@link OutputWriter}),
 * meter values and session records ({@link SessionReporter}) and the status channels ({@link OutletStatus}). The
 * limit is capped by the outlet's share of the station's grid limit ({@link GridCeiling}).
 * {@link #tick()} runs it once; the component calls it every tick interval on one thread.
 */
public final class OutletController {
    private static final Logger LOG = LoggerFactory.getLogger(OutletController.class);

    private final OutletSettings settings;
    private final ChannelIo io;
    private final CioClient cio;
    private final Clock clock;
    private final Function<UserIdentification, UserDefaults> profiles;
    private final SessionStore store;
    private final LimitPolicy policy;
    private final ScheduleFetcher fetcher;
    private final SessionReporter reporter;
    private final OutputWriter outputs;
    private final EvParametersResolver evParameters;
    private final OutletStatus status;
    private final GridCeiling grid;
    private SessionState state = SessionState.IDLE;
    private OpenSession session;
    private LimitDecision decision = new LimitDecision(0, LimitDecision.Source.NONE, -1);
    /** timestamp of the identification record that opened the last session: a stale id does not open another */
    private long usedIdTimestamp = Long.MIN_VALUE;

    public OutletController(OutletSettings settings, ChannelIo io, CioClient cio, Clock clock, Executor cioExecutor,
            Function<UserIdentification, UserDefaults> profiles, StatusSink sink) {
        this(settings, io, cio, clock, cioExecutor, profiles, sink, GridCeiling.NONE);
    }

    public OutletController(OutletSettings settings, ChannelIo io, CioClient cio, Clock clock, Executor cioExecutor,
            Function<UserIdentification, UserDefaults> profiles, StatusSink sink, GridCeiling grid) {
        this.grid = grid;
        this.settings = settings;
        this.io = io;
        this.cio = cio;
        this.clock = clock;
        this.profiles = profiles;
        this.store = new SessionStore(settings.sessionDirectory(), settings.outletId());
        this.policy = new LimitPolicy(settings.maxOffline(), settings.fallbackCurrentA(), settings.maxCurrentA());
        this.fetcher = new ScheduleFetcher(settings.outletId(), cio, cioExecutor,
                new ScheduleCheck(settings.maxSchedulePowerW()),
                new RetryDelay(settings.retryMinMillis(), settings.retryMaxMillis()));
        this.reporter = new SessionReporter(settings, io, cio);
        this.outputs = new OutputWriter(settings, io);
        this.evParameters = new EvParametersResolver(io, settings);
        this.status = new OutletStatus(settings.outletId(), sink, clock);
        resume();
    }

    /** Resumes a session stored before a restart: same session id, the last CIO limit still the ceiling. */
    private void resume() {
        store.load().ifPresent(s -> {
            UserDefaults d = profiles.apply(s.user());
            session = new OpenSession(s.sessionId(), s.user(), d, s.startTime(), s.startEnergyWh(),
                    evParameters.resolve(d, clock.instant()));
            session.lastCioLimitA = s.lastCioLimitA();
            session.nextMeter = clock.instant();
            fetcher.start();
            LOG.info("Outlet {}: resuming session {} of {} after a restart", settings.outletId(), s.sessionId(),
                    s.user().token());
            to(SessionState.SCHEDULE_REQUESTED);
        });
    }

    /** One step of the control loop. Never throws for channel or CIO problems (they are logged and flagged). */
    public synchronized void tick() {
        Instant now = clock.instant();
        fetcher.consume(session, now);
        Optional<Character> cp = io.cpState(settings.cpStateLabel());
        cp.ifPresent(c -> step(c, now));
        if (session != null) {
            fetcher.drive(session, now, () -> request(session, now));
            fetcher.consume(session, now);
            reporter.sample(session, now);
            int phases = session.ev.phases();
            double voltage = voltage(phases);
            decision = policy.decide(now, session.schedule, session.lastContact, session.startTime,
                    session.lastCioLimitA, phases, voltage);
            remember(decision);
            decision = underGridLimit(decision, phases, voltage);
            if (cp.isPresent()) {
                to(derive(cp.get(), decision));
            }
        } else {
            decision = new LimitDecision(0, LimitDecision.Source.NONE, -1);
            grid.share(settings.outletId(), 0, 0);
        }
        boolean limitInForce = outputs.limit(decision.currentA(), now);
        boolean close = session != null && limitInForce && decision.currentA() > 0
                && cp.map(c -> c == 'C' || c == 'D').orElse(false);
        outputs.contactor(close, now);
        status.publish(state, session, decision, outputs.appliedLimit(), fetcher, reporter, cio, settings);
    }

    private void step(char cp, Instant now) {
        boolean present = cp != 'A';
        switch (state) {
            case IDLE -> {
                if (present) {
                    to(SessionState.EV_CONNECTED);
                }
            }
            case SESSION_REPORTED, EV_GONE -> {
                if (present) {
                    to(SessionState.EV_CONNECTED);
                } else if (state == SessionState.EV_GONE && stopDelivered()) {
                    to(SessionState.SESSION_REPORTED);
                } else if (state == SessionState.SESSION_REPORTED) {
                    to(SessionState.IDLE);
                }
            }
            case EV_CONNECTED -> {
                if (!present) {
                    to(SessionState.IDLE);
                } else {
                    identify().ifPresent(u -> open(u, now));
                }
            }
            default -> {
                if (!present) {
                    close(now);
                }
            }
        }
    }

    private boolean stopDelivered() {
        long stop = reporter.lastStopSeq();
        return stop >= 0 && cio.outboxStatus().deliveredSequence() >= stop;
    }

    private Optional<UserIdentification> identify() {
        return identification(settings.userIdLabel(), UserIdentification.Type.RFID)
                .or(() -> identification(settings.credentialsLabel(), UserIdentification.Type.ACCOUNT));
    }

    private Optional<UserIdentification> identification(String label, UserIdentification.Type type) {
        Optional<Record> r = io.channel(label).map(c -> c.getLatestRecord()).filter(Record::isValid);
        if (r.isEmpty() || r.get().getTimestamp() == usedIdTimestamp) {
            return Optional.empty();
        }
        String token = r.get().getValue().asString().trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            UserIdentification u = new UserIdentification(type, token);
            usedIdTimestamp = r.get().getTimestamp();
            return Optional.of(u);
        } catch (IllegalArgumentException e) {
            usedIdTimestamp = r.get().getTimestamp();
            LOG.warn("Outlet {}: identification on '{}' refused: {}", settings.outletId(), label, e.getMessage());
            return Optional.empty();
        }
    }

    private void open(UserIdentification user, Instant now) {
        to(SessionState.USER_IDENTIFIED);
        UserDefaults d = profiles.apply(user);
        double energy = reporter.energy().orElseGet(() -> {
            LOG.warn("Outlet {}: no valid energy reading at the session start; 0 Wh is reported", settings.outletId());
            return 0.0;
        });
        session = new OpenSession(UUID.randomUUID().toString(), user, d, now, energy, evParameters.resolve(d, now));
        store.save(session);
        LOG.info("Outlet {}: session {} opened for {} {}", settings.outletId(), session.sessionId, user.type(),
                user.token());
        reporter.started(session, now);
        fetcher.start();
        to(SessionState.SCHEDULE_REQUESTED);
    }

    private void close(Instant now) {
        OpenSession s = session;
        to(SessionState.EV_GONE);
        reporter.stopped(s, now);
        store.delete();
        session = null;
        LOG.info("Outlet {}: session {} closed, the EV left", settings.outletId(), s.sessionId);
    }

    private ChargingRequest request(OpenSession s, Instant now) {
        return new ChargingRequest(cio.stationId(), settings.outletId(), s.sessionId, s.user, s.ev,
                s.userDefaults.managementServiceUrl() != null ? s.userDefaults.managementServiceUrl()
                        : settings.siteDefaults().managementServiceUrl());
    }

    private void remember(LimitDecision d) {
        if (d.source() == LimitDecision.Source.SCHEDULE
                && (session.lastCioLimitA == null || session.lastCioLimitA != d.currentA())) {
            session.lastCioLimitA = d.currentA();
            store.save(session);
        }
    }

    /** The decision cut to the outlet's share of the station's grid limit (the share is taken even when not cut). */
    private LimitDecision underGridLimit(LimitDecision d, int phases, double voltage) {
        double wattsPerAmp = Math.max(1, Math.min(3, phases)) * voltage;
        double wantedW = d.currentA() * wattsPerAmp;
        double allowedW = grid.share(settings.outletId(), wantedW, CurrentLimits.MIN_CURRENT_A * wattsPerAmp);
        if (allowedW >= wantedW - 1e-6) {
            return d;
        }
        double amps = CurrentLimits.fromPower(allowedW, phases, voltage, settings.maxCurrentA());
        return new LimitDecision(Math.min(amps, d.currentA()), LimitDecision.Source.GRID_LIMIT, d.powerW());
    }

    private SessionState derive(char cp, LimitDecision d) {
        if (d.source() == LimitDecision.Source.WAITING) {
            return SessionState.SCHEDULE_REQUESTED;
        }
        if (d.currentA() <= 0) {
            return SessionState.SUSPENDED;
        }
        if (cp == 'C' || cp == 'D') {
            session.chargedOnce = true;
            return SessionState.CHARGING;
        }
        return session.chargedOnce && cp == 'B' ? SessionState.FINISHED : SessionState.SUSPENDED;
    }

    /** The mean measured voltage of the phases in use; 230 V when none is plausible. */
    private double voltage(int phases) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < Math.min(phases, settings.voltageLabels().size()); i++) {
            Optional<Double> v = io.number(settings.voltageLabels().get(i)).filter(CurrentLimits::plausibleVoltage);
            if (v.isPresent()) {
                sum += v.get();
                n++;
            }
        }
        return n == 0 ? CurrentLimits.NOMINAL_VOLTAGE_V : sum / n;
    }

    private void to(SessionState next) {
        if (next != state) {
            status.transition(state, next);
            LOG.debug("Outlet {}: {} -> {}", settings.outletId(), state, next);
            state = next;
        }
    }

    public synchronized SessionState state() {
        return state;
    }

    public synchronized LimitDecision decision() {
        return decision;
    }

    public synchronized String sessionId() {
        return session == null ? null : session.sessionId;
    }
}
