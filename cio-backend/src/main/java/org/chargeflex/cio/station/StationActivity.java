package org.chargeflex.cio.station;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Notes when a station was last seen: every authenticated call of the station API counts (at most one write per
 * 10 s). This instance remembers when it last wrote for a station and skips the statement within that interval;
 * the write's own condition keeps several instances from writing more often.
 */
@Component
public class StationActivity {
    /** Forget the remembered times beyond this many stations (they are only an optimisation). */
    private static final int REMEMBERED = 100_000;

    private final StationRepository stations;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    StationActivity(StationRepository stations, Clock clock) {
        this.stations = stations;
        this.clock = clock;
    }

    /** The station, authenticated, has just called the station API. */
    public void seen(String stationId) {
        Instant now = clock.instant();
        Instant last = lastWritten.get(stationId);
        if (last == null || !now.isBefore(last.plus(StationRepository.TOUCH_INTERVAL)) || now.isBefore(last)) {
            if (lastWritten.size() >= REMEMBERED) {
                lastWritten.clear();
            }
            lastWritten.put(stationId, now);
            stations.touch(stationId, now);
        }
    }
}
