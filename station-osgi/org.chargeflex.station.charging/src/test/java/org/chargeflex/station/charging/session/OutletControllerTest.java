package org.chargeflex.station.charging.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.contract.SessionRecord;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.test.FakeChannel;
import org.chargeflex.station.api.test.FakeDataAccessService;
import org.chargeflex.station.charging.grid.GridShares;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outlet's state machine, limits and reports, with fake channels, a fake CIO and a hand-moved clock. */
class OutletControllerTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dir;
    final FakeDataAccessService das = new FakeDataAccessService();
    final FakeCio cio = new FakeCio();
    final MutableClock clock = new MutableClock(T0);
    final Map<String, Map<String, Value>> published = new ConcurrentHashMap<>();
    final List<String> transitions = new ArrayList<>();
    FakeChannel cp;
    FakeChannel limit;
    FakeChannel contactor;
    FakeChannel energy;
    FakeChannel userId;
    OutletController outlet;

    @BeforeEach
    void setUp() {
        cp = das.add("outlet1/cp_state", ValueType.STRING, false);
        limit = das.add("outlet1/current_limit", ValueType.DOUBLE, true);
        contactor = das.add("outlet1/contactor", ValueType.BOOLEAN, true);
        energy = das.add("outlet1/energy", ValueType.DOUBLE, false);
        das.add("outlet1/power", ValueType.DOUBLE, false).update(new Record(Value.of(0.0), 1));
        das.add("outlet1/voltage_l1", ValueType.DOUBLE, false).update(new Record(Value.of(230.0), 1));
        userId = das.add("outlet1/user_id", ValueType.STRING, false);
        energy.update(new Record(Value.of(1000.0), 1));
        cio.requestAnswer = schedule("v1", T0, 11040, 4140, 0);
        outlet = controller();
    }

    OutletSettings settings() {
        return new OutletSettings("1", "outlet1/cp_state", "outlet1/current_limit", "outlet1/contactor",
                "outlet1/energy", "outlet1/power", List.of("outlet1/voltage_l1"), List.of(), "outlet1/user_id",
                null, OutletSettings.EvChannels.NONE, 32, 10, Duration.ofMinutes(10),
                new UserDefaults(20000.0, null, 6.0, 3, Duration.ofHours(4), null), Duration.ofSeconds(10), 1000,
                60000, 50000, dir);
    }

    OutletController controller() {
        return new OutletController(settings(), new ChannelIo(() -> das), cio, clock, Runnable::run,
                u -> UserDefaults.NONE, (device, values) -> published.computeIfAbsent(device,
                        d -> new ConcurrentHashMap<>()).putAll(values));
    }

    /** A schedule of 15-minute periods starting at {@code start}. */
    static ScheduleResponse schedule(String id, Instant start, double... powers) {
        List<SchedulePeriod> periods = new ArrayList<>();
        for (int i = 0; i < powers.length; i++) {
            periods.add(new SchedulePeriod(i * 900L, powers[i]));
        }
        return new ScheduleResponse(new ChargingSchedule(id, "SESSION", start, periods,
                start.plusSeconds(powers.length * 900L), 60), "\"" + id + "\"");
    }

    /** The same schedule for the outlet's actual session id. */
    ScheduleResponse forSession(ScheduleResponse r) {
        ChargingSchedule s = r.schedule();
        return new ScheduleResponse(new ChargingSchedule(s.scheduleId(), outlet.sessionId(), s.startTime(),
                s.periods(), s.validUntil(), s.pollIntervalSeconds()), r.etag());
    }

    void tick() {
        outlet.tick();
        String state = published.get("1").get("session/state").asString();
        if (transitions.isEmpty() || !transitions.get(transitions.size() - 1).equals(state)) {
            transitions.add(state);
        }
    }

    void set(FakeChannel c, Value v) {
        c.update(new Record(v, clock.millis()));
    }

    double writtenLimit() {
        return limit.getLatestRecord().getValue().asDouble();
    }

    /** Plugs in, identifies and lets the outlet obtain the first schedule. */
    void startSession() {
        set(cp, Value.of("A"));
        tick();
        set(cp, Value.of("B"));
        tick();
        cio.requestAnswer = new CioException(CioException.Kind.UNREACHABLE, 0, "not yet");
        set(userId, Value.of("04A1B2C3"));
        tick();
        cio.requestAnswer = forSession(schedule("v1", T0, 11040, 4140, 0));
        clock.advance(Duration.ofSeconds(2));
        tick();
    }

    @Test
    void aFullSessionFollowsTheScheduleInStepsAndIsReported() {
        startSession();
        assertThat(outlet.state()).isEqualTo(SessionState.SUSPENDED); // authorised, EV not drawing yet
        assertThat(writtenLimit()).isEqualTo(16.0);
        set(cp, Value.of("C"));
        tick();
        assertThat(outlet.state()).isEqualTo(SessionState.CHARGING);
        assertThat(contactor.getLatestRecord().getValue().asBoolean()).isTrue();

        clock.advance(Duration.ofSeconds(900));
        tick();
        assertThat(writtenLimit()).isEqualTo(6.0);
        clock.advance(Duration.ofSeconds(900));
        tick();
        assertThat(writtenLimit()).isZero();
        assertThat(outlet.state()).isEqualTo(SessionState.SUSPENDED);
        assertThat(contactor.getLatestRecord().getValue().asBoolean()).isFalse();

        set(energy, Value.of(4500.0));
        set(cp, Value.of("A"));
        tick();
        assertThat(outlet.state()).isEqualTo(SessionState.EV_GONE);
        cio.deliverAll();
        tick();
        tick();
        assertThat(transitions).containsSubsequence("IDLE", "EV_CONNECTED", "SCHEDULE_REQUESTED", "SUSPENDED",
                "CHARGING", "SUSPENDED", "EV_GONE", "SESSION_REPORTED", "IDLE");
        assertThat(published.get("1").get("session/transitions").asLong()).isGreaterThanOrEqualTo(9);

        assertThat(cio.sessionEvents).extracting(e -> e.kind()).containsExactly(SessionRecord.Kind.START,
                SessionRecord.Kind.STOP);
        assertThat(cio.sessionEvents.get(1).startEnergyWh()).isEqualTo(1000.0);
        assertThat(cio.sessionEvents.get(1).stopEnergyWh()).isEqualTo(4500.0);
        assertThat(cio.sessionEvents.get(1).user().token()).isEqualTo("04A1B2C3");
        assertThat(cio.meterValues).hasSizeGreaterThan(2);
        assertThat(cio.meterValues.get(0).boundary()).isTrue();
        assertThat(cio.meterValues.get(cio.meterValues.size() - 1).boundary()).isTrue();
        assertThat(cio.meterValues.get(1).boundary()).isFalse();

        var request = cio.requests.get(cio.requests.size() - 1);
        assertThat(request.stationId()).isEqualTo("ST-1");
        assertThat(request.outletId()).isEqualTo("1");
        assertThat(request.ev().energyDemandWh()).isEqualTo(20000.0);
        assertThat(request.ev().maxCurrentA()).isEqualTo(32.0);
        assertThat(request.ev().phases()).isEqualTo(3);
    }

    @Test
    void aVoltageWobblingAtARoundingEdgeDoesNotRewriteTheLimitEveryTick() {
        startSession();
        set(cp, Value.of("C"));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0); // 11040 W / (3 x 230 V)
        FakeChannel voltage = (FakeChannel) das.getChannel("outlet1/voltage_l1").orElseThrow();
        int writesBefore = limit.getHistory(0, Long.MAX_VALUE).size();

        for (int i = 0; i < 10; i++) { // 230.5 V gives 15.96 A -> 15.9 A; 230 V gives 16.0 A again
            set(voltage, Value.of(i % 2 == 0 ? 230.5 : 230.0));
            clock.advance(Duration.ofMillis(500));
            tick();
            assertThat(writtenLimit()).as("never above what the schedule's power allows at the voltage")
                    .isLessThanOrEqualTo(i % 2 == 0 ? 15.9 : 16.0);
        }
        assertThat(writtenLimit()).as("settled on the lower value").isEqualTo(15.9);
        assertThat(limit.getHistory(0, Long.MAX_VALUE).size() - writesBefore).as("writes of the limit").isEqualTo(1);

        set(voltage, Value.of(220.0)); // 16.7 A: a raise beyond the dead band is written
        clock.advance(Duration.ofMillis(500));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.7);
    }

    @Test
    void theStationGridLimitCapsTheScheduleFromTheNextTickAndLiftingItRestoresTheSchedule() {
        GridShares grid = new GridShares();
        outlet = new OutletController(settings(), new ChannelIo(() -> das), cio, clock, Runnable::run,
                u -> UserDefaults.NONE, (device, values) -> published.computeIfAbsent(device,
                        d -> new ConcurrentHashMap<>()).putAll(values), grid);
        startSession();
        set(cp, Value.of("C"));
        tick();
        assertThat(writtenLimit()).as("schedule: 11040 W").isEqualTo(16.0);

        grid.setLimit(6_900); // 10 A on three phases at 230 V
        tick();
        assertThat(writtenLimit()).isEqualTo(10.0);
        assertThat(published.get("1").get("session/limit_source").asString()).isEqualTo("GRID_LIMIT");
        assertThat(outlet.state()).isEqualTo(SessionState.CHARGING);
        assertThat(grid.heldW()).isLessThanOrEqualTo(6_900);

        grid.setLimit(3_000); // below 6 A: pause
        clock.advance(Duration.ofSeconds(2)); // past the contactor's retry delay
        tick();
        assertThat(writtenLimit()).isZero();
        assertThat(outlet.state()).isEqualTo(SessionState.SUSPENDED);
        assertThat(contactor.getLatestRecord().getValue().asBoolean()).isFalse();

        grid.setLimit(-1);
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0);
        assertThat(published.get("1").get("session/limit_source").asString()).isEqualTo("SCHEDULE");
    }

    @Test
    void aGridLimitAboveTheScheduleChangesNothing() {
        GridShares grid = new GridShares();
        grid.setLimit(22_000);
        outlet = new OutletController(settings(), new ChannelIo(() -> das), cio, clock, Runnable::run,
                u -> UserDefaults.NONE, (device, values) -> published.computeIfAbsent(device,
                        d -> new ConcurrentHashMap<>()).putAll(values), grid);
        startSession();
        assertThat(writtenLimit()).isEqualTo(16.0);
        assertThat(published.get("1").get("session/limit_source").asString()).isEqualTo("SCHEDULE");
    }

    @Test
    void theEvLeavingBeforeIdentificationOpensNoSession() {
        set(cp, Value.of("B"));
        tick();
        set(cp, Value.of("A"));
        tick();
        assertThat(transitions).containsExactly("EV_CONNECTED", "IDLE");
        assertThat(cio.sessionEvents).isEmpty();
        assertThat(writtenLimit()).isZero();
    }

    @Test
    void aScheduleUpdateFromAPollAppliesAtOnce() {
        startSession();
        set(cp, Value.of("C"));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0);
        cio.pollAnswer = null; // 304
        clock.advance(Duration.ofSeconds(60));
        tick();
        assertThat(cio.polledEtags).containsExactly("\"v1\"");
        cio.pollAnswer = forSession(schedule("v2", T0, 22080, 22080));
        clock.advance(Duration.ofSeconds(60));
        tick();
        assertThat(writtenLimit()).isEqualTo(32.0);
        assertThat(published.get("1").get("session/schedule_id").asString()).isEqualTo("v2");
    }

    @Test
    void withTheCioGoneTheScheduleStaysUntilTheAllowanceThenTheFallbackNeverAboveTheLastLimit() {
        startSession();
        cio.pollAnswer = new CioException(CioException.Kind.UNREACHABLE, 0, "connection refused");
        set(cp, Value.of("C"));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0);
        for (int s = 0; s < 598; s += 2) {
            clock.advance(Duration.ofSeconds(2));
            tick();
            assertThat(writtenLimit()).isEqualTo(16.0);
        }
        clock.advance(Duration.ofSeconds(10));
        tick();
        assertThat(writtenLimit()).isEqualTo(10.0); // fallback 10 A < last CIO limit 16 A
        assertThat(published.get("1").get("session/limit_source").asString()).isEqualTo("FALLBACK");
        assertThat(published.get("1").get("session/cio_online").asBoolean()).isFalse();

        cio.pollAnswer = forSession(schedule("v1", T0, 11040, 4140, 0));
        clock.advance(Duration.ofSeconds(70));
        tick();
        assertThat(published.get("1").get("session/limit_source").asString()).isEqualTo("SCHEDULE");
    }

    @Test
    void aMalformedOrOutOfRangeScheduleIsRefusedAndThePreviousLimitKept() {
        startSession();
        set(cp, Value.of("C"));
        tick();
        cio.pollAnswer = new CioException(CioException.Kind.MALFORMED, 200, "periods[0].offsetSeconds must be 0");
        clock.advance(Duration.ofSeconds(61));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0);
        assertThat(published.get("1").get("session/refused_schedules").asLong()).isEqualTo(1);

        cio.pollAnswer = forSession(schedule("huge", T0, 900_000));
        clock.advance(Duration.ofSeconds(61));
        tick();
        assertThat(writtenLimit()).isEqualTo(16.0);
        assertThat(published.get("1").get("session/refused_schedules").asLong()).isEqualTo(2);
        assertThat(published.get("1").get("session/last_refusal").asString()).contains("900000.0 W");
        assertThat(published.get("1").get("session/schedule_id").asString()).isEqualTo("v1");
    }

    @Test
    void beforeTheFirstScheduleTheOutletStaysPausedThenFallsBack() {
        set(cp, Value.of("C"));
        tick();
        cio.requestAnswer = new CioException(CioException.Kind.UNREACHABLE, 0, "down");
        set(userId, Value.of("04A1B2C3"));
        tick();
        assertThat(outlet.state()).isEqualTo(SessionState.SCHEDULE_REQUESTED);
        assertThat(writtenLimit()).isZero();
        clock.advance(Duration.ofMinutes(11));
        tick();
        assertThat(writtenLimit()).isEqualTo(10.0);
        assertThat(outlet.state()).isEqualTo(SessionState.CHARGING);
    }

    @Test
    void aRestartResumesTheOpenSessionAndReportsItsEndOnce() {
        startSession();
        String sessionId = outlet.sessionId();
        outlet = controller(); // the station restarted
        cio.requestAnswer = forSession(schedule("v1", T0, 11040, 4140, 0));
        assertThat(outlet.sessionId()).isEqualTo(sessionId);
        set(cp, Value.of("C"));
        tick();
        assertThat(cio.requests.get(cio.requests.size() - 1).sessionId()).isEqualTo(sessionId);
        assertThat(writtenLimit()).isEqualTo(16.0);
        set(cp, Value.of("A"));
        tick();
        assertThat(cio.sessionEvents).extracting(e -> e.kind() + ":" + e.sessionId())
                .containsExactly("START:" + sessionId, "STOP:" + sessionId);
        assertThat(controller().sessionId()).as("nothing left to resume").isNull();
    }

    @Test
    void aStaleUserIdDoesNotOpenTheNextSession() {
        startSession();
        set(cp, Value.of("A"));
        tick();
        set(cp, Value.of("B"));
        tick();
        tick();
        assertThat(outlet.state()).isEqualTo(SessionState.EV_CONNECTED);
        assertThat(cio.sessionEvents).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        set(userId, Value.of("04A1B2C3"));
        tick();
        assertThat(outlet.state()).isEqualTo(SessionState.SCHEDULE_REQUESTED);
    }
}
