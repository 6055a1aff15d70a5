package org.chargeflex.bench.cio;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.chargeflex.bench.load.RawRequest;

/**
 * The schedule-request load: the outlets of all stations take turns (in a shuffled order). Each outlet runs sessions
 * one after the other: a new session's first charging request, then {@code replans} re-plans of the same session
 * (the EV reports less energy still needed, the user moves the departure), then the station's STOP record for it, so
 * the number of open sessions stays what a real fleet has (one per busy outlet). EVs: 1 or 3 phases, 16 or 32 A,
 * minimum 6 A, 5 to 60 kWh to charge, departure in 1 to 10 h.
 */
final class ChargingPlan {
    static final byte CHARGING_REQUEST = 0;
    static final byte STOP_RECORD = 1;

    private final StationMessages messages;
    private final List<OutletState> outlets = new ArrayList<>();
    private final int replans;
    private final Random random = new Random(42);
    private long turn;

    /** One kind of request and the request itself. */
    record Step(byte kind, RawRequest request) {
    }

    ChargingPlan(StationMessages messages, List<SimStation> stations, int replans) {
        this.messages = messages;
        this.replans = replans;
        for (SimStation s : stations) {
            for (String o : s.outlets) {
                outlets.add(new OutletState(s, o));
            }
        }
        Collections.shuffle(outlets, random);
    }

    int outletCount() {
        return outlets.size();
    }

    /** The next step; thread-safe (the closed-loop probe calls it from its client threads). */
    synchronized Step next() {
        OutletState o = outlets.get((int) (turn++ % outlets.size()));
        return o.next(Instant.now());
    }

    /** The next {@code n} steps, built ahead of an open-loop run. */
    synchronized Step[] next(int n) {
        Step[] steps = new Step[n];
        for (int i = 0; i < n; i++) {
            steps[i] = next();
        }
        return steps;
    }

    /** The next charging request of every station's outlet {@code outletId} (a new session each), for warming up. */
    synchronized List<HttpRequest> nextOfOutlet(String outletId) {
        List<HttpRequest> first = new ArrayList<>();
        Instant now = Instant.now();
        for (OutletState o : outlets) {
            if (o.outlet.equals(outletId)) {
                first.add(messages.jdk(o.next(now).request()));
            }
        }
        return first;
    }

    private final class OutletState {
        final SimStation station;
        final String outlet;
        int session = -1;
        int requestsInSession;
        String sessionId;
        StationMessages.Ev ev;
        Instant started;
        double registerWh = random.nextInt(1_000_000);
        double deliveredWh;

        OutletState(SimStation station, String outlet) {
            this.station = station;
            this.outlet = outlet;
        }

        Step next(Instant now) {
            if (session >= 0 && requestsInSession > replans) {
                RawRequest stop = messages.stopRecord(station, outlet, sessionId, ev.rfid(), started, registerWh, now,
                        registerWh + deliveredWh);
                registerWh += deliveredWh;
                session = -1;
                return new Step(STOP_RECORD, stop);
            }
            if (session < 0 || sessionId == null) {
                session++;
                sessionId = station.id + "-" + outlet + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                requestsInSession = 0;
                started = now;
                deliveredWh = 0;
                ev = new StationMessages.Ev(random.nextBoolean() ? 16 : 32, random.nextInt(5) == 0 ? 1 : 3,
                        5_000 + random.nextInt(55_000), now.plus(Duration.ofMinutes(60 + random.nextInt(540))),
                        String.format("%08X", random.nextInt()));
            } else {
                double step = Math.min(ev.energyDemandWh(), 200 + random.nextInt(1_500));
                deliveredWh += step;
                Instant departure = random.nextInt(4) == 0 ? ev.plannedDeparture().plus(Duration.ofMinutes(15))
                        : ev.plannedDeparture();
                ev = new StationMessages.Ev(ev.maxCurrentA(), ev.phases(), ev.energyDemandWh() - step, departure,
                        ev.rfid());
            }
            requestsInSession++;
            return new Step(CHARGING_REQUEST, messages.chargingRequest(station, outlet, sessionId, ev));
        }
    }
}
