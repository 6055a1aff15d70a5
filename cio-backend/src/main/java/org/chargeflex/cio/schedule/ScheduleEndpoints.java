package org.chargeflex.cio.schedule;

import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.ChargingSchedule;
import org.chargeflex.cio.system.StationEndpoint;
import org.chargeflex.cio.system.StationReply;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Station API: charging requests and schedule polling (served by the station API's servlet). Each schedule version
 * has a strong ETag; a poll with {@code If-None-Match} of the current one is answered 304 without a body.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleEndpoints {

    @Bean
    StationEndpoint chargingRequests(ScheduleService service) {
        return new StationEndpoint("POST", "charging-requests",
                "Request a charging schedule for a session (a repeated request re-plans it)", ChargingRequest.class,
                ChargingSchedule.class, call -> {
                    ChargingRequest request = call.body(ChargingRequest.class);
                    call.requireSameStation(request.stationId());
                    return reply(service.request(request));
                });
    }

    @Bean
    StationEndpoint currentSchedule(ScheduleService service) {
        return new StationEndpoint("GET", "sessions/{sessionId}/schedule",
                "The session's current schedule, with its ETag (304 for If-None-Match of it)", null,
                ChargingSchedule.class, call -> reply(service.current(call.stationId(), call.variable("sessionId"))));
    }

    private static StationReply reply(StoredSchedule schedule) {
        return StationReply.ok(schedule.toContract(), schedule.etag());
    }
}
