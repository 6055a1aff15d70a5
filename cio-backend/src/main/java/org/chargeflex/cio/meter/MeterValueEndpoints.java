package org.chargeflex.cio.meter;

import org.chargeflex.cio.contract.MeterValueBatch;
import org.chargeflex.cio.system.PlanningSignal;
import org.chargeflex.cio.system.StationEndpoint;
import org.chargeflex.cio.system.StationReply;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Station API: meter values in batches, idempotent on (station, sequence number). */
@Configuration(proxyBeanMethods = false)
class MeterValueEndpoints {

    /** How many values of a batch were new ({@code stored}) and how many had been stored before ({@code duplicates}). */
    record BatchReceipt(int received, int stored, int duplicates) {
    }

    @Bean
    StationEndpoint meterValues(MeterValueRepository meterValues, ApplicationEventPublisher events) {
        return new StationEndpoint("POST", "meter-values",
                "A batch of meter values (values stored before are counted as duplicates and ignored)",
                MeterValueBatch.class, BatchReceipt.class, call -> {
                    MeterValueBatch batch = call.body(MeterValueBatch.class);
                    call.requireSameStation(batch.stationId());
                    int stored = meterValues.insert(batch);
                    if (stored > 0) { // the re-planner checks the station's sessions against their plans
                        events.publishEvent(PlanningSignal.station(PlanningSignal.Kind.METER_VALUES, call.stationId()));
                    }
                    return StationReply.ok(new BatchReceipt(batch.items().size(), stored,
                            batch.items().size() - stored));
                });
    }
}
