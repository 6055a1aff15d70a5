package org.chargeflex.cio.channel;

import java.util.regex.Pattern;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read and write any channel of a station by label: the CIO calls {@code GET/PUT
 * {restBaseUrl}/rest/channels/{label}} on the station with the access credential stored for it and passes the answer
 * on. A write body is the station's, e.g. {@code {"record":{"value":10}}}. Labels may contain '/'.
 */
@RestController
class ChannelController {
    /** Label segments: letters, digits, '.', '_', '-' (no "." or ".." segments, no empty segments). */
    static final Pattern LABEL = Pattern.compile("(?!\\.{1,2}(/|$))[A-Za-z0-9._-]{1,100}(/(?!\\.{1,2}(/|$))[A-Za-z0-9._-]{1,100}){0,15}");

    private final StationRepository stations;
    private final StationChannelAccess access;

    ChannelController(StationRepository stations, StationChannelAccess access) {
        this.stations = stations;
        this.access = access;
    }

    @GetMapping("/api/v1/admin/stations/{stationId}/channels/{*label}")
    ResponseEntity<byte[]> read(@PathVariable String stationId, @PathVariable String label) {
        return call("GET", stationId, label, null);
    }

    @PutMapping(path = "/api/v1/admin/stations/{stationId}/channels/{*label}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> write(@PathVariable String stationId, @PathVariable String label, @RequestBody byte[] body) {
        return call("PUT", stationId, label, body);
    }

    private ResponseEntity<byte[]> call(String method, String stationId, String rawLabel, byte[] body) {
        String label = rawLabel.startsWith("/") ? rawLabel.substring(1) : rawLabel;
        if (!LABEL.matcher(label).matches()) {
            throw Problems.invalid("channel label '" + label + "' must be segments of letters, digits, '.', '_' or '-'"
                    + " separated by '/'");
        }
        Station station = stations.find(stationId).orElseThrow(() -> Problems.notFound("station", stationId));
        StationChannelClient.StationAnswer answer = access.call(method, station, label, body, null);
        return ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.contentType()))
                .body(answer.body());
    }
}
