package org.chargeflex.station.charging.session;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.cioclient.api.CioClient;
import org.chargeflex.station.cioclient.api.OutboxStatus;

/**
 * The status values an outlet publishes every tick (device address = the outlet id; the outbox counters under the
 * device address {@value #STATION}). Channel addresses are listed in {@code docs/charging-app.md}.
 */
final class OutletStatus {
    static final String STATION = "station";
    private final String outletId;
    private final StatusSink sink;
    private final Clock clock;
    private long transitions;
    private String lastTransition = "";
    private long lastTransitionMillis;

    OutletStatus(String outletId, StatusSink sink, Clock clock) {
        this.outletId = outletId;
        this.sink = sink;
        this.clock = clock;
    }

    void transition(SessionState from, SessionState to) {
        transitions++;
        lastTransition = from + "->" + to;
        lastTransitionMillis = clock.millis();
    }

    void publish(SessionState state, OpenSession s, LimitDecision d, double applied, ScheduleFetcher fetcher,
            SessionReporter reporter, CioClient cio, OutletSettings settings) {
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("session/state", Value.of(state.name()));
        v.put("session/last_transition", Value.of(lastTransition));
        v.put("session/last_transition_time", Value.of(lastTransitionMillis));
        v.put("session/transitions", Value.of(transitions));
        v.put("session/session_id", Value.of(s == null ? "" : s.sessionId));
        v.put("session/user", Value.of(s == null ? "" : s.user.type() + ":" + s.user.token()));
        v.put("session/schedule_id", Value.of(s == null || s.schedule == null ? "" : s.schedule.scheduleId()));
        v.put("session/limit_source", Value.of(d.source().name()));
        v.put("session/target_limit_a", Value.of(d.currentA()));
        v.put("session/applied_limit_a", Value.of(Double.isNaN(applied) ? 0.0 : applied));
        v.put("session/schedule_power_w", Value.of(d.powerW()));
        v.put("session/last_cio_limit_a", Value.of(s == null || s.lastCioLimitA == null ? -1.0 : s.lastCioLimitA));
        Instant contact = s == null ? null : s.lastContact;
        v.put("session/last_cio_contact", Value.of(contact == null ? 0L : contact.toEpochMilli()));
        v.put("session/cio_online", Value.of(contact != null
                && !clock.instant().isAfter(contact.plus(settings.maxOffline()))));
        v.put("session/refused_schedules", Value.of(fetcher.refusedCount()));
        v.put("session/last_refusal", Value.of(fetcher.lastRefusal()));
        v.put("session/energy_wh", Value.of(s == null ? 0.0
                : Math.max(0, reporter.energy().orElse(s.startEnergyWh) - s.startEnergyWh)));
        v.put("session/meter_values_queued", Value.of(reporter.meterValuesQueued()));
        v.put("session/last_stop_seq", Value.of(reporter.lastStopSeq()));
        sink.publish(outletId, v);

        OutboxStatus o = cio.outboxStatus();
        Map<String, Value> station = new LinkedHashMap<>();
        station.put("outbox/pending", Value.of(o.pending()));
        station.put("outbox/last_seq", Value.of(o.lastSequenceNumber()));
        station.put("outbox/delivered_seq", Value.of(o.deliveredSequence()));
        station.put("outbox/dropped_samples", Value.of(o.droppedSamples()));
        station.put("outbox/rejected_items", Value.of(o.rejectedItems()));
        station.put("outbox/last_error", Value.of(o.lastError()));
        sink.publish(STATION, station);
    }
}
