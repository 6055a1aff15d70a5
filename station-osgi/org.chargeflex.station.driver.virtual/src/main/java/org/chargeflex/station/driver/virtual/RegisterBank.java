package org.chargeflex.station.driver.virtual;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chargeflex.station.api.Value;

/** The loopback registers of one virtual device, by name. */
final class RegisterBank {
    private final Map<String, Value> registers = new ConcurrentHashMap<>();

    Value get(String name) {
        return registers.get(name);
    }

    void set(String name, Value value) {
        registers.put(name, value);
    }

    Value initialize(String name, Value initial) {
        return registers.computeIfAbsent(name, n -> initial);
    }
}
