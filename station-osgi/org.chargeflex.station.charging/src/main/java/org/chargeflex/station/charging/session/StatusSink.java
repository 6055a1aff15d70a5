package org.chargeflex.station.charging.session;

import java.util.Map;
import org.chargeflex.station.api.Value;

/** Where an outlet publishes its status values (channel address to value) under a device address. */
@FunctionalInterface
public interface StatusSink {
    void publish(String deviceAddress, Map<String, Value> values);
}
