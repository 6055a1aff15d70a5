package org.chargeflex.cio.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chargeflex.cio.meter.MeterValueRepository;
import org.chargeflex.cio.meter.MeterValueRepository.StoredMeterValue;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators: stations with their live status (seen, open sessions, planned and measured power). */
@RestController
class StationStatusController {
    private final StationRepository stations;
    private final MeterValueRepository meterValues;
    private final StatusQueries queries;
    private final Clock clock;
    private final Duration onlineWindow;

    StationStatusController(StationRepository stations, MeterValueRepository meterValues, StatusQueries queries,
            Clock clock, @Value("${cio.schedule.poll-interval:60s}") Duration pollInterval) {
        this.stations = stations;
        this.meterValues = meterValues;
        this.queries = queries;
        this.clock = clock;
        this.onlineWindow = pollInterval.multipliedBy(3);
    }

    @GetMapping("/api/v1/admin/station-status")
    List<StationStatus> all() {
        Instant now = clock.instant();
        Map<String, Integer> open = queries.openSessionsPerStation();
        Map<String, Double> planned = queries.plannedPowerPerStation(now);
        Map<String, List<StoredMeterValue>> latest = queries.latestMeterValuesPerStation();
        return stations.list().stream()
                .map(s -> status(s, now, open.getOrDefault(s.id(), 0), planned.getOrDefault(s.id(), 0.0),
                        latest.getOrDefault(s.id(), List.of())))
                .toList();
    }

    @GetMapping("/api/v1/admin/stations/{stationId}/status")
    StationStatus one(@PathVariable String stationId) {
        Instant now = clock.instant();
        Station station = stations.find(stationId).orElseThrow(() -> Problems.notFound("station", stationId));
        return status(station, now, queries.openSessionsPerStation().getOrDefault(stationId, 0),
                queries.plannedPowerPerStation(now).getOrDefault(stationId, 0.0), meterValues.latestPerOutlet(stationId));
    }

    private StationStatus status(Station s, Instant now, int openSessions, double planned, List<StoredMeterValue> latest) {
        boolean online = s.lastSeenAt() != null && s.lastSeenAt().isAfter(now.minus(onlineWindow));
        double measured = latest.stream().mapToDouble(StoredMeterValue::powerW).sum();
        return new StationStatus(s.id(), s.name(), s.gridConnectionPoint(), s.maxPowerW(), s.lastSeenAt(), online,
                openSessions, planned, measured, latest);
    }
}
